using Portal.Domain.Thread;

namespace Portal.Data.Seeding;

/// <summary>
/// A demo golden thread described as data. Parents are named by key: <c>amb:</c> community
/// ambitions, <c>corp:</c> corporate items, <c>pri:</c> the demo plan's priorities, <c>item:</c>
/// service objectives and team items. Dates are days from the day the demo is seeded.
/// </summary>
public sealed record DemoThread(
    string CommunityStrategyName,
    IReadOnlyList<DemoStrategyItem> Strategy,
    IReadOnlyList<(string PriorityKey, string[] Parents)> PriorityLinks,
    IReadOnlyList<DemoUnitItem> UnitItems,
    IReadOnlyList<DemoAppraisal> Appraisals);

/// <param name="Answers">For a corporate priority, the key of the strategic challenge it answers.</param>
public sealed record DemoStrategyItem(string Key, ThreadItemKind Kind, string? Theme, string Title, string? Description, string[] Parents, string? Answers = null);

public sealed record DemoUnitItem(string Key, ThreadItemKind Kind, string UnitKey, string Title, string OwnerKey, ThreadStatus Status, string[] Parents);

public sealed record DemoAppraisal(string PersonKey, IReadOnlyList<DemoObjective> Objectives, IReadOnlyList<DemoReview> Reviews);

public sealed record DemoObjective(string Text, string? Measure, int DueDays, ThreadStatus Status, string[] Parents);

public sealed record DemoReview(ReviewStage Stage, ReviewRating Rating, string? PersonComment, string? ManagerComment, int DaysAgo);

internal static class DemoThreads
{
    /// <summary>
    /// York's golden thread: the Sustainable Community Strategy's themes, the corporate strategy's
    /// priorities (each answering one of the three Direction of Travel challenges at the top of the
    /// corporate strategy) and values, then the Chief Executive's
    /// directorate down to staff objectives. "Support a strong local economy" and "Strengthen
    /// local democracy" have nothing beneath them (broken threads); the Committee Support item and
    /// the Finance objective have nothing above them (orphans).
    /// </summary>
    public static readonly DemoThread English = new(
        "York: A City Making History (Sustainable Community Strategy)",
        [
            new("amb:thriving", ThreadItemKind.CommunityAmbition, "Thriving City", "A prosperous economy whose benefits everyone shares", null, []),
            new("amb:learning", ThreadItemKind.CommunityAmbition, "Learning City", "Everyone can learn and develop their skills", null, []),
            new("amb:healthy", ThreadItemKind.CommunityAmbition, "Healthy City", "People live longer, healthier lives", null, []),
            new("amb:sustainable", ThreadItemKind.CommunityAmbition, "Sustainable City", "A city that cuts its carbon emissions", null, []),
            new("amb:inclusive", ThreadItemKind.CommunityAmbition, "Inclusive City", "Everyone can take part in the life of the city", null, []),
            new("corp:effective", ThreadItemKind.CorporatePriority, null, "An effective organisation that listens to residents and gives value for money", null, ["amb:inclusive"], "corp:c3"),
            new("corp:health", ThreadItemKind.CorporatePriority, null, "Improve the health and lifestyles of the people who live in York", null, ["amb:healthy"], "corp:c1"),
            new("corp:environment", ThreadItemKind.CorporatePriority, null, "Reduce the environmental impact of council activities", null, ["amb:sustainable"], "corp:c2"),
            new("corp:economy", ThreadItemKind.CorporatePriority, null, "Support a strong local economy", null, ["amb:thriving"], "corp:c2"),
            new("corp:v1", ThreadItemKind.CorporateValue, null, "Delivering what our customers want", null, []),
            new("corp:v2", ThreadItemKind.CorporateValue, null, "Providing strong leadership", null, []),
            new("corp:v3", ThreadItemKind.CorporateValue, null, "Encouraging improvement in everything we do", null, []),
            new("corp:c1", ThreadItemKind.StrategicChallenge, "Direction of Travel", "The need to engage with and support our communities and residents differently", null, []),
            new("corp:c2", ThreadItemKind.StrategicChallenge, "Direction of Travel", "The need to proactively shape economic and population growth that is good for the borough", null, []),
            new("corp:c3", ThreadItemKind.StrategicChallenge, "Direction of Travel", "The need to be a highly effective council within a fundamentally different funding context", null, []),
        ],
        [
            ("direction", ["corp:effective"]),
            ("performance", ["corp:effective"]),
            ("people", ["corp:effective", "corp:health"]),
            ("democracy", ["corp:effective"]),
        ],
        [
            new("item:cs-framework", ThreadItemKind.ServiceObjective, "cs", "Refresh the planning framework so every service plan names its directorate priority", "barbara", ThreadStatus.OnTrack, ["pri:direction"]),
            new("item:cs-reporting", ThreadItemKind.ServiceObjective, "cs", "Report performance to the Executive every quarter", "barbara", ThreadStatus.AtRisk, ["pri:performance"]),
            new("item:pi-appraisal", ThreadItemKind.ServiceObjective, "pi", "Raise appraisal completion to 95%", "heather", ThreadStatus.OffTrack, ["pri:people"]),
            new("item:pi-absence", ThreadItemKind.ServiceObjective, "pi", "Reduce sickness absence to 8 days per employee", "tom", ThreadStatus.OnTrack, ["pri:people"]),
            new("item:fin-accounts", ThreadItemKind.ServiceObjective, "fin", "Close the accounts by 31 May", "s151", ThreadStatus.OnTrack, []),
            new("item:perf-clinics", ThreadItemKind.TeamItem, "perf", "Run a performance clinic with every directorate each quarter", "barbara", ThreadStatus.OnTrack, ["item:cs-reporting"]),
            new("item:perf-survey", ThreadItemKind.TeamItem, "perf", "Run and analyse the residents' survey", "priya", ThreadStatus.OnTrack, ["item:cs-framework", "item:cs-reporting"]),
            new("item:hr-form", ThreadItemKind.TeamItem, "hr", "Launch the online appraisal form", "tom", ThreadStatus.AtRisk, ["item:pi-appraisal"]),
            new("item:hr-training", ThreadItemKind.TeamItem, "hr", "Train every manager in handling absence", "tom", ThreadStatus.OnTrack, ["item:pi-absence"]),
            new("item:comm-agendas", ThreadItemKind.TeamItem, "comm", "Publish every agenda five clear days before the meeting", "grace", ThreadStatus.OnTrack, []),
        ],
        [
            new("barbara",
                [
                    new("Hold four performance clinics with each directorate this year", "Clinic notes filed for each quarter", 120, ThreadStatus.OnTrack, ["item:perf-clinics"]),
                    new("Lead the analysis of the residents' survey", "Report to CMT by the end of January", 60, ThreadStatus.OnTrack, ["item:perf-survey"]),
                ],
                [new(ReviewStage.MidYear, ReviewRating.Met, "Clinics running in four of five directorates.", "Good progress; Resources still to start.", 50)]),
            new("priya",
                [
                    new("Produce the quarterly performance report on time", "Published within 30 days of quarter end", 120, ThreadStatus.AtRisk, ["item:perf-clinics"]),
                    new("Clean and weight the survey data", "Data set signed off by the survey supplier", 20, ThreadStatus.OnTrack, ["item:perf-survey"]),
                    new("Complete the data analysis course", "Certificate", 100, ThreadStatus.NotStarted, []),
                ],
                [new(ReviewStage.MidYear, ReviewRating.PartlyMet, "Quarter 1 report was two weeks late.", "Agreed a timetable with the directorates.", 45)]),
            new("tom",
                [new("Launch the online appraisal form by January", "Form live and used by every directorate", 40, ThreadStatus.AtRisk, ["item:hr-form"])],
                []),
            new("heather",
                [new("Secure a 95% appraisal rate across the directorate", "Rate reported by HR in April", 130, ThreadStatus.OffTrack, ["item:hr-form"])],
                []),
            new("grace",
                [new("Train two new committee clerks", "Both clerk a meeting unsupervised", 90, ThreadStatus.OnTrack, ["item:comm-agendas"])],
                []),
        ]);

    public static readonly DemoThread Swedish = new(
        "Vision Nybro 2030",
        [
            new("amb:liv", ThreadItemKind.CommunityAmbition, "Hållbart liv", "Nybro är en trygg och hållbar plats att leva på", null, []),
            new("amb:arbete", ThreadItemKind.CommunityAmbition, "Växande näringsliv", "Fler arbetstillfällen i kommunen", null, []),
            new("corp:styrning", ThreadItemKind.CorporatePriority, null, "En effektiv och tillgänglig kommun", null, ["amb:liv"]),
            new("corp:arbetsgivare", ThreadItemKind.CorporatePriority, null, "En attraktiv arbetsgivare", null, ["amb:arbete"]),
            new("corp:naringsliv", ThreadItemKind.CorporatePriority, null, "Ett bättre företagsklimat", null, ["amb:arbete"]),
        ],
        [
            ("styrning", ["corp:styrning"]),
            ("medarbetare", ["corp:arbetsgivare"]),
            ("service", ["corp:styrning"]),
        ],
        [
            new("item:kansli-plan", ThreadItemKind.ServiceObjective, "kansli", "Verksamhetsplaner för alla förvaltningar", "klc", ThreadStatus.OnTrack, ["pri:styrning"]),
            new("item:personal-kompetens", ThreadItemKind.ServiceObjective, "personal", "Kompetensförsörjningsplan klar", "pc", ThreadStatus.AtRisk, ["pri:medarbetare"]),
            new("item:komm-kontakt", ThreadItemKind.TeamItem, "komm", "Öppna kontaktcentret", "ks", ThreadStatus.OnTrack, ["item:kansli-plan"]),
        ],
        [
            new("ks",
                [new("Öppna kontaktcentret före årsskiftet", "Kontaktcentret har öppnat", 30, ThreadStatus.OnTrack, ["item:komm-kontakt"])],
                [new(ReviewStage.MidYear, ReviewRating.Met, "Rekryteringen är klar.", "Bra arbete.", 40)]),
            new("pc",
                [new("Kartlägga kompetensbehovet i alla förvaltningar", "Kartläggning klar", 60, ThreadStatus.AtRisk, [])],
                []),
        ]);
}
