using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Thread;
using Portal.Infrastructure.Concurrency;
using Portal.Infrastructure.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

/// <summary>
/// Every public operation of every service (found by reflection, so a new one without a row
/// fails) called as anonymous, officer, member, director and administrator, against one table
/// of what each may do. The pages' own matrix is <see cref="PageAuthorisationMatrixTests"/>;
/// this is the check that matters, because the services are where access is decided.
/// </summary>
/// <remarks>
/// Each call gets real ids from the demo and arguments that cannot change anything (a stale
/// version, blank text): "ok" means the call got past the access check, to an answer or to a
/// refusal of its input; "denied" is an <see cref="AccessDeniedException"/>; "hidden" is
/// "there is no such item", which is what a reader is told of what they may not know exists.
/// After each call the database file is put back as it was, so no call changes what the next meets.
/// </remarks>
public sealed class ServiceAuthorisationMatrixTests
{
    private const string Ok = "ok";
    private const string Denied = "denied";
    private const string Hidden = "hidden";

    private static readonly string[] Roles = ["anonymous", "officer", "member", "director", "administrator"];

    private static readonly Dictionary<string, string> Users = new()
    {
        ["officer"] = DemoUsers.Officer,
        ["member"] = DemoUsers.Member,
        ["director"] = DemoUsers.Director,
        ["administrator"] = DemoUsers.Administrator,
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IEnumerable<Type> ServiceTypes => typeof(Program).Assembly.GetTypes()
        .Where(t => t.IsPublic && t.IsClass && !t.IsAbstract && t.Namespace?.StartsWith("Portal.Features", StringComparison.Ordinal) == true && t.Name.EndsWith("Service", StringComparison.Ordinal));

    private static IEnumerable<MethodInfo> Operations => ServiceTypes
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        .Where(m => typeof(Task).IsAssignableFrom(m.ReturnType))
        .OrderBy(m => m.DeclaringType!.Name, StringComparer.Ordinal).ThenBy(m => m.Name, StringComparer.Ordinal);

    private static string Name(MethodInfo method) => $"{method.DeclaringType!.Name}.{method.Name}";

    [Fact]
    public void EveryServiceOperationHasARowInTheTable()
    {
        var operations = Operations.Select(Name).ToList();
        Assert.True(operations.Count > 140, $"Only {operations.Count} operations found.");
        Assert.Empty(operations.Except(ServiceAuthorisationTable.Rows.Keys));
        Assert.Empty(ServiceAuthorisationTable.Rows.Keys.Except(operations));
    }

    [Fact]
    public async Task EachRoleMayDoWhatTheTableSaysAndNothingElse()
    {
        await using var portal = await ServiceHarness.StartAsync();
        var samples = await Samples.LoadAsync(portal);
        var mismatches = new List<string>();
        for (var r = 0; r < Roles.Length; r++)
        {
            foreach (var method in Operations)
            {
                await using var session = Users.TryGetValue(Roles[r], out var email) ? await portal.SignedInAsAsync(email) : portal.Anonymous();
                var got = await OutcomeAsync(portal, session, method, samples);
                var want = ServiceAuthorisationTable.Rows.GetValueOrDefault(Name(method), "(no row)").Split(' ').ElementAtOrDefault(r);
                if (got != want)
                {
                    mismatches.Add($"{Roles[r]} {Name(method)}: expected {want}, got {got}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} mismatches:\n" + string.Join('\n', mismatches));
    }

    private static async Task<string> OutcomeAsync(ServiceHarness portal, ServiceHarness.Session session, MethodInfo method, Samples samples)
    {
        var service = session.Get(method.DeclaringType!);
        var arguments = method.GetParameters().Select(p => samples.For(method, p)).ToArray();
        try
        {
            await (Task)method.Invoke(service, BindingFlags.DoNotWrapExceptions, null, arguments, null)!;
            return Ok;
        }
        catch (AccessDeniedException)
        {
            return Denied;
        }
        catch (KeyNotFoundException)
        {
            return Hidden;
        }
        catch (Exception ex) when (ex is DomainRuleException or ConcurrencyConflictException)
        {
            return Ok;
        }
        catch (Exception ex)
        {
            return $"error {ex.GetType().Name}: {ex.Message}";
        }
        finally
        {
            await samples.UndoAsync();
        }
    }

    /// <summary>Ids from the demo for each kind of parameter, and a way back to the demo as it was.</summary>
    private sealed class Samples
    {
        private readonly Dictionary<string, object> _ids = [];
        private byte[] _original = [];
        private string _file = string.Empty;

        public static async Task<Samples> LoadAsync(ServiceHarness portal)
        {
            var samples = new Samples { _file = portal.DatabaseFile };
            await using var db = await portal.Db.CreateDbContextAsync(Ct);
            var ids = samples._ids;
            var plan = await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct);
            ids["plan"] = plan;
            ids["action"] = await db.Actions.Where(a => a.PlanId == plan).Select(a => a.Id).FirstAsync(Ct);
            ids["milestone"] = await db.Milestones.OrderBy(m => m.Id).Select(m => m.Id).FirstAsync(Ct);
            ids["indicator"] = await db.Indicators.Where(i => i.PlanId == plan).Select(i => i.Id).FirstAsync(Ct);
            ids["risk"] = await db.Risks.Where(r => r.PlanId == plan).Select(r => r.Id).FirstAsync(Ct);
            ids["priority"] = await db.Priorities.Where(p => p.PlanId == plan).Select(p => p.Id).FirstAsync(Ct);
            ids["unit"] = await db.OrganisationUnits.OrderBy(u => u.Id).Select(u => u.Id).FirstAsync(Ct);
            ids["person"] = await db.People.Where(p => p.DisplayName == "Barbara Boyce").Select(p => p.Id).SingleAsync(Ct);
            ids["post"] = await db.Posts.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct);
            var emg = await db.Bodies.Where(b => b.Slug == "emg").Select(b => b.Id).SingleAsync(Ct);
            ids["body"] = emg;
            ids["member"] = await db.BodyMembers.Where(m => m.BodyId == emg).Select(m => m.Id).FirstAsync(Ct);
            var meeting = await db.Meetings.Where(m => m.Date == new DateOnly(2009, 8, 25)).Select(m => m.Id).SingleAsync(Ct);
            ids["meeting"] = meeting;
            ids["item"] = await db.AgendaItems.Where(i => i.MeetingId == meeting).Select(i => i.Id).FirstAsync(Ct);
            // One the officer owns (in a body neither the public nor a councillor outside it may see).
            ids["agreed-action"] = await db.AgreedActions.Where(a => a.OwnerId == (int)ids["person"]).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(Ct);
            var york = await db.Reports.Where(r => r.Reference == "CE/DP/2008").Select(r => r.Id).SingleAsync(Ct);
            ids["york"] = york;
            ids["draft"] = await db.Reports.Where(r => r.Reference == "CE/DP/PROGRESS").Select(r => r.Id).SingleAsync(Ct);
            var carlisle = await db.Reports.Where(r => r.Reference == "CE 21/09").Select(r => r.Id).SingleAsync(Ct);
            ids["carlisle"] = carlisle;
            ids["staffing"] = await db.Reports.Where(r => r.Reference == "HR 14/09").Select(r => r.Id).SingleAsync(Ct);
            ids["annex"] = await db.Annexes.Where(a => a.ReportId == carlisle).Select(a => a.Id).FirstAsync(Ct);
            ids["recommendation"] = await db.Recommendations.Where(r => r.ReportId == york).Select(r => r.Id).FirstAsync(Ct);
            ids["decision"] = await db.Decisions.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync(Ct);
            ids["vote"] = await db.Votes.OrderBy(v => v.Id).Select(v => v.Id).FirstAsync(Ct);
            ids["officer-decision"] = await db.OfficerDecisions.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync(Ct);
            ids["meeting-decision"] = await db.Decisions.Where(d => d.SubjectToCallIn && d.ImplementedOn == null).OrderBy(d => d.Id).Select(d => d.Id).FirstAsync(Ct);
            var strategy = await db.ThreadItems.Where(i => i.Kind == ThreadItemKind.CorporatePriority).Select(i => i.Id).FirstAsync(Ct);
            ids["node"] = new ThreadNode(ThreadLevel.CorporateStrategy, strategy);
            ids["objective"] = new ThreadNode(ThreadLevel.ServicePlan, await db.ThreadItems.Where(i => i.Kind == ThreadItemKind.ServiceObjective).Select(i => i.Id).FirstAsync(Ct));
            ids["directorate"] = await db.OrganisationUnits.Where(u => u.Kind == Portal.Domain.Organisation.UnitKind.Directorate).OrderBy(u => u.Id).Select(u => u.Id).FirstAsync(Ct);
            ids["councillor"] = await db.People.Where(p => p.Email == DemoUsers.Member).Select(p => p.Id).SingleAsync(Ct);
            ids["interest"] = await db.RegisteredInterests.Where(i => i.PublishedOn != null && !i.IsSensitive)
                .Join(db.Councillors.Where(c => c.PersonId == (int)ids["councillor"]), i => i.CouncillorId, c => c.Id, (i, _) => i.Id).FirstAsync(Ct);
            ids["sign-in"] = await db.Users.Where(u => u.Email == DemoUsers.Officer).Select(u => u.Id).SingleAsync(Ct);
            ids["party"] = await db.Parties.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct);
            ids["ward"] = await db.Wards.OrderBy(w => w.Id).Select(w => w.Id).FirstAsync(Ct);
            ids["term"] = await db.TermsOfOffice.OrderBy(t => t.Id).Join(db.Councillors.Where(c => c.PersonId == (int)ids["councillor"]), t => t.CouncillorId, c => c.Id, (t, _) => t.Id).FirstAsync(Ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", Ct);
            samples._original = await File.ReadAllBytesAsync(portal.DatabaseFile, Ct);
            return samples;
        }

        /// <summary>Puts the database back as it was, whatever the call did.</summary>
        public async Task UndoAsync()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "-wal", "-shm" })
            {
                File.Delete(_file + suffix);
            }

            await File.WriteAllBytesAsync(_file, _original, Ct);
        }

        /// <summary>A value for one field of an edit: an id from the demo by its name, text, a date.</summary>
        private object? Field(ParameterInfo field)
        {
            var type = Nullable.GetUnderlyingType(field.ParameterType) ?? field.ParameterType;
            var name = field.Name!.ToLowerInvariant();
            if (type == typeof(string))
            {
                return "Matrix sample";
            }
            if (type == typeof(DateOnly))
            {
                return new DateOnly(2026, 12, 1);
            }
            if (type == typeof(TimeOnly))
            {
                return new TimeOnly(10, 0);
            }
            if (type == typeof(bool))
            {
                return false;
            }
            if (type == typeof(decimal))
            {
                return 1m;
            }
            if (type.IsEnum)
            {
                return Enum.GetValues(type).GetValue(0);
            }
            if (type == typeof(int))
            {
                return name switch
                {
                    "directorateid" => _ids["directorate"],
                    "planid" => _ids["plan"],
                    "priorityid" => _ids["priority"],
                    "bodyid" => _ids["body"],
                    "meetingid" => _ids["meeting"],
                    "unitid" => _ids["unit"],
                    "postid" => _ids["post"],
                    "reportid" => _ids["york"],
                    _ when name.EndsWith("id", StringComparison.Ordinal) || name.StartsWith("lead", StringComparison.Ordinal) || name.StartsWith("owner", StringComparison.Ordinal) => _ids["person"],
                    "firstyear" => 2027,
                    "lastyear" => 2029,
                    _ => 1,
                };
            }

            return field.HasDefaultValue ? field.DefaultValue : null;
        }

        public object? For(MethodInfo method, ParameterInfo parameter)
        {
            var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
            var service = method.DeclaringType!.Name;
            var name = parameter.Name!;
            if (type == typeof(CancellationToken))
            {
                return Ct;
            }
            if (parameter.HasDefaultValue)
            {
                return parameter.DefaultValue;
            }
            if (name == "version")
            {
                return type == typeof(string) ? "stale" : int.MaxValue - 1;
            }
            if (type == typeof(int))
            {
                return (service, name) switch
                {
                    ("ReportDraftingService" or "ReportAnnexService" or "ReportWorkflowService" or "ReportReadingService" or "ReaderToolsService" or "DecisionService", "id" or "reportId") => method.Name is "AnnexFileAsync" ? _ids["carlisle"] : method.Name is "RecordAsync" ? _ids["york"] : _ids["draft"],
                    ("ExemptReleaseService", "id") => _ids["staffing"],
                    ("ReportAnnexService", "annexId") => _ids["annex"],
                    ("ReportDraftingService", "number") => 1,
                    ("ReaderToolsService", "questionId") => 1,
                    ("DecisionService", "recommendationId") => _ids["recommendation"],
                    ("DecisionService", "decisionId") => _ids["decision"],
                    ("DecisionService", "targetId") => _ids["action"],
                    ("DecisionService", "dispensationId") => 1,
                    ("VoteService", "voteId") => _ids["vote"],
                    ("OfficerDecisionService" or "CallInService", "id" or "decisionId") => _ids["officer-decision"],
                    ("CallInService", "requestId") => 1,
                    ("MeetingCallInService", "decisionId") => _ids["meeting-decision"],
                    ("MeetingCallInService", "requestId") => 1,
                    ("MeetingService" or "ScheduleService" or "AgendaService" or "MinutesService", "id" or "meetingId" or "laterMeetingId") => _ids["meeting"],
                    ("AgendaService" or "MinutesService", "itemId" or "fromItemId") => _ids["item"],
                    ("MinutesService", "actionId") => _ids["agreed-action"],
                    ("MinutesService" or "AppraisalService" or "PostService" or "PostAdminService" or "BodyService", "personId") => _ids["person"],
                    ("AgendaService", "position") => 1,
                    ("CalendarFeedService", "id") => _ids["meeting"],
                    ("OParlCouncilService" or "OParlPeopleService" or "OParlMeetingService" or "OParlPaperService", _) => _ids["body"],
                    ("BodyService", "id" or "bodyId") => _ids["body"],
                    ("BodyService", "memberId") => _ids["member"],
                    ("DistributionService", "entryId") => 1,
                    ("BodyService", "clearDays" or "monthsAhead") => 5,
                    ("CouncillorService" or "PhotoService" or "InterestService", "personId") => _ids["councillor"],
                    ("InterestService", "interestId") => _ids["interest"],
                    ("CouncillorRecordService", "personId") => _ids["councillor"],
                    ("CouncillorRecordService", "termId") => _ids["term"],
                    ("PartyWardService", "partyId") => _ids["party"],
                    ("PartyWardService", "wardId") => _ids["ward"],
                    ("MakeUpService", "seats") => 5,
                    ("MakeUpService", "memberId") => _ids["member"],
                    ("ActionService", "id") => _ids["action"],
                    ("ActionService", "milestoneId") => _ids["milestone"],
                    ("IndicatorService", "id") => _ids["indicator"],
                    ("IndicatorService", "year") => 2008,
                    ("PlanReportService", "year") => 2008,
                    ("IndicatorService", "number") => 1,
                    ("RiskService", "id") => _ids["risk"],
                    ("PlanService", "priorityId") => _ids["priority"],
                    ("PlanService", "offset") => 1,
                    ("RiskAppetiteService", "appetite") => 12,
                    ("ProviderGroupService", "id") => 0,
                    ("OrganisationService", "id") => _ids["unit"],
                    ("PostService" or "PostAdminService", "id" or "postId") => _ids["post"],
                    ("PostService", "unitId") => _ids["unit"],
                    ("ThreadEditingService", "unitId") => _ids["unit"],
                    (_, "count") => 5,
                    (_, "planId") => _ids["plan"],
                    (_, "bodyId") => _ids["body"],
                    (_, "meetingId") => _ids["meeting"],
                    (_, "personId") => _ids["person"],
                    (_, "unitId") => _ids["unit"],
                    (_, "postId" or "accountableToId") => _ids["post"],
                    _ when parameter.ParameterType != type => null,
                    _ => throw new InvalidOperationException($"No sample for {service}.{method.Name}({name})."),
                };
            }

            if (type == typeof(string))
            {
                return (service, name) switch
                {
                    ("UserListService" or "UserAccountService" or "UserAccessService", "id") => _ids["sign-in"],
                    ("BodyService" or "CalendarFeedService" or "BodyMeetingsExportService", "slug") => "emg",
                    ("CalendarFeedService", "token") => "not-a-feed-token",
                    _ => null,
                };
            }

            if (type == typeof(ThreadNode))
            {
                return name switch
                {
                    "parent" => new ThreadNode(ThreadLevel.DirectoratePlan, (int)_ids["priority"]),
                    "child" => _ids["objective"],
                    _ => _ids["node"],
                };
            }

            if (type == typeof(Uri))
            {
                return new Uri("https://portal.example/");
            }
            if (type == typeof(Portal.Features.OpenData.OParl.OParlLinks))
            {
                return new Portal.Features.OpenData.OParl.OParlLinks(new Uri("https://portal.example/"));
            }
            if (type == typeof(bool))
            {
                return false;
            }
            if (type == typeof(decimal))
            {
                return 30m;
            }
            if (type == typeof(long))
            {
                return 0L;
            }
            if (type == typeof(Stream))
            {
                return new MemoryStream();
            }
            if (type == typeof(byte[]))
            {
                // An uploaded file: one byte that is no spreadsheet, so a call past its access check is refused for its content.
                return new byte[] { 0 };
            }
            if (type.IsEnum)
            {
                return Enum.GetValues(type).GetValue(0);
            }
            if (type == typeof(DateOnly))
            {
                return new DateOnly(2026, 11, 25);
            }
            if (type == typeof(IReadOnlyList<string>))
            {
                return Array.Empty<string>();
            }
            if (type == typeof(IReadOnlyList<int>))
            {
                return Array.Empty<int>();
            }
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
            {
                return Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(type.GetGenericArguments()));
            }

            if (parameter.ParameterType != type || !type.IsValueType && parameter.HasDefaultValue)
            {
                return null;
            }

            // An edit or a query: filled in with the demo's ids and plain text, so a call gets as far as its access check.
            var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
            return constructor is null || constructor.GetParameters().Length == 0
                ? RuntimeHelpers.GetUninitializedObject(type)
                : constructor.Invoke([.. constructor.GetParameters().Select(Field)]);
        }
    }
}
