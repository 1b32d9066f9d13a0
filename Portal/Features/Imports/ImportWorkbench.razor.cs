using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using Portal.Domain.Common;
using Portal.Features.Imports.Files;
using Portal.Infrastructure.Localization;
using Portal.Infrastructure.Security;

namespace Portal.Features.Imports;

/// <summary>
/// One kind of import from a spreadsheet: the templates, an upload that only previews, and the confirm form
/// (<see cref="ImportConfirmForm"/>) that saves the previewed file when no row has a problem.
/// </summary>
public sealed partial class ImportWorkbench
{
    private readonly CancellationTokenSource _closing = new();
    private ImportPreview? _preview;
    private byte[]? _content;
    private string? _fileError;
    private string? _status;
    private bool _reading;
    private bool _denied;
    private string? _target;

    [Parameter, EditorRequired]
    public ImportKind Kind { get; set; }

    /// <summary>The plan a plan's kind goes into; null for posts and people.</summary>
    [Parameter]
    public int? PlanId { get; set; }

    private List<BreadcrumbItem> Breadcrumbs => Kind.OfPlan()
        ?
        [
            new(T["Plans.Title"], "/plans"),
            new(_target ?? T["Import.Plan"], $"/plans/{PlanId}"),
            new(T[Kind.Key("Title")], null, disabled: true),
        ]
        :
        [
            new(T["Import.AdminTitle"], "/admin/import"),
            new(T[Kind.Key("Title")], null, disabled: true),
        ];

    protected override async Task OnInitializedAsync()
    {
        try
        {
            _target = await Imports.TargetAsync(Kind, PlanId, _closing.Token);
        }
        catch (AccessDeniedException)
        {
            _denied = true;
        }
    }

    private async Task ReadAsync(InputFileChangeEventArgs args)
    {
        _preview = null;
        _content = null;
        _fileError = null;
        _status = null;
        if (args.File.Size > SpreadsheetFile.MaxBytes)
        {
            _fileError = T["Rule.Import.TooLarge", SpreadsheetFile.MaxBytes / 1024 / 1024];
            return;
        }

        _reading = true;
        _status = T["Import.Reading"];
        try
        {
            using var buffer = new MemoryStream();
            await using (var upload = args.File.OpenReadStream(SpreadsheetFile.MaxBytes, _closing.Token))
            {
                await upload.CopyToAsync(buffer, _closing.Token);
            }

            var content = buffer.ToArray();
            _preview = await Imports.PreviewAsync(Kind, PlanId, content, _closing.Token);
            _content = content;
            _status = T.Plural("Import.Read", _preview.Rows.Count);
        }
        catch (DomainRuleException rule)
        {
            _fileError = T.Describe(rule);
            _status = null;
        }
        catch (AccessDeniedException)
        {
            _denied = true;
        }
        finally
        {
            _reading = false;
        }
    }

    private void Saved(int count)
    {
        _preview = null;
        _content = null;
        _status = T.Plural(Kind.Key("Saved"), count);
    }

    public void Dispose()
    {
        _closing.Cancel();
        _closing.Dispose();
    }
}
