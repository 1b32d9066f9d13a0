using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Portal.Components.Pages;
using Portal.Infrastructure.Security;

namespace Portal.Components.Shared;

/// <summary>
/// Catches what a page throws so the circuit survives it: a service's refusal reads as "you do
/// not have permission", a missing item as "page not found", anything else as the error page.
/// The layout resets it on every navigation.
/// </summary>
public sealed class PageErrorBoundary : ErrorBoundary
{
    [Inject]
    private ILogger<PageErrorBoundary> Logger { get; set; } = default!;

    protected override Task OnErrorAsync(Exception exception)
    {
        if (exception is not (AccessDeniedException or KeyNotFoundException))
        {
            Logger.LogError(exception, "A page failed");
        }

        return Task.CompletedTask;
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        switch (CurrentException)
        {
            case null:
                builder.AddContent(0, ChildContent);
                break;
            case AccessDeniedException:
                builder.OpenComponent<AccessDeniedNotice>(1);
                builder.CloseComponent();
                break;
            case KeyNotFoundException:
                builder.OpenComponent<NotFoundPage>(2);
                builder.CloseComponent();
                break;
            default:
                builder.OpenComponent<ErrorPage>(3);
                builder.CloseComponent();
                break;
        }
    }
}
