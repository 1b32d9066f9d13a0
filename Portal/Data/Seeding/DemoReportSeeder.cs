using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Meetings;
using Portal.Domain.Organisation;
using Portal.Domain.Reports;
using Portal.Domain.Thread;

namespace Portal.Data.Seeding;

/// <summary>
/// The English demo's reports: York's report of 14 July 2008 on the Chief Executive's
/// Directorate Plan (its recommendation, reason and the decision, linked to the plan's actions
/// and the directorate plan on the golden thread), Carlisle's CE 21/09 to the Employment Panel
/// with its two appendices, an exempt staffing report under paragraph 1 at the same meeting, a
/// draft for the coming panel with parts still missing, and the Forward Plan.
/// </summary>
internal static class DemoReportSeeder
{
    public static async Task SeedAsync(PortalDbContext db, IReadOnlyDictionary<string, Person> people, DateOnly today, CancellationToken ct)
    {
        int Person(string key) => people[key].Id;
        var panel = await db.Bodies.SingleAsync(b => b.Slug == "emap-cs", ct);
        var employment = await db.Bodies.SingleAsync(b => b.Slug == "employment-panel", ct);
        var july = await MeetingAsync(db, panel.Id, new DateOnly(2008, 7, 14), ct);
        var august = await MeetingAsync(db, employment.Id, new DateOnly(2009, 8, 25), ct);
        var coming = await db.Meetings.Include(m => m.Items).Where(m => m.BodyId == panel.Id && m.Date > today).OrderBy(m => m.Date).FirstAsync(ct);

        // York, 14 July 2008.
        var york = Report.Draft("CE/DP/2008", "Chief Executive's Directorate Plan 2008-2011", Person("barbara"));
        york.Describe(new ReportParticulars(
            "CE/DP/2008", "Chief Executive's Directorate Plan 2008-2011", Person("heather"),
            "Author: Barbara Boyce, Business and Performance Manager, City Strategy, 01904 552014.\nChief Officer responsible: Heather Rice, Director of People and Improvement.\nSpecialist implications officer(s): none.",
            AllWards: true, null, IsKeyDecision: false, "None"));
        york.PlaceBefore(july.Id, panel.Id, july.Items.Single(i => i.Title.StartsWith("Chief Executive's Directorate Plan", StringComparison.Ordinal)).Id);
        Write(york, SectionKind.Summary, "This report asks the Executive Member to approve the Chief Executive's Directorate Plan for 2008/2011. This document outlines a set of priorities for the Directorate and for each priority sets out a small number of key actions and performance indicators.");
        Write(york, SectionKind.Background, """
            The Council's strategic planning framework is structured to produce a "golden thread" running from individual appraisals, through Team Workplans, Service Plans and Directorate Plans to the Corporate Strategy and ultimately linked to the Sustainable Community Strategy, which covers the city as a whole through the Council and its partners.

            The Comprehensive Performance Assessment process clearly emphasises the value of the "golden thread" and the Chief Executive has requested that every directorate complete a Directorate Plan.

            Chief Executive's Directorate Management Team and service teams have worked together to produce this plan (enclosed as Annex A). It is not intended to be a comprehensive guide to the department and its work; most of these details will be found within Service Plans. Its focus is to give an overview of the department and the challenges that it faces and also to demonstrate the contribution that the Directorate makes to the Corporate Strategy.

            **Purpose of the Directorate Plan.** The purpose of this Plan is to:

            - communicate a common direction for Chief Executive's;
            - set out the Directorate's priorities in the medium term (1-3 years);
            - demonstrate how we will contribute to the shared vision of the authority.

            **Role of the Directorate Plan.** We expect to revise and update the Plan annually and it will be a key part in the Directorate's planning and performance management framework. Together, the Directorate Plan and the Service Plans will set out the key things we are aiming to achieve, the main challenges that we face and the measures, targets and actions we are trying to achieve.
            """);
        Write(york, SectionKind.Consultation, "Consultation with senior officers in the Directorate was carried out in the preparation of the Directorate Plan.");
        Write(york, SectionKind.OptionsAndAnalysis, "Not applicable: the Directorate Plan is attached for approval.");
        Write(york, SectionKind.CorporatePriorities, "This report relates to the Council's Corporate Priorities and Values.");
        foreach (var kind in ReportTemplate.Sections.Where(ReportTemplate.IsImplication))
        {
            Write(york, kind, "There are no specific implications associated with this report.");
        }

        Write(york, SectionKind.RiskManagement, "As part of the process of formulating the plan senior managers within the Directorate carried out a review of major risks to the Directorate. These are included within the Directorate Plan.");
        var yorkRecommendation = york.Recommend(
            "That the Advisory Panel advise the Executive Member to approve the Chief Executive's Directorate Plan.",
            "To provide strategic direction for the Directorate and for the use of service managers and teams. Also to provide a reference for improving performance management within the Directorate.");
        await PublishAsync(db, york, new DateOnly(2008, 6, 27), new DateOnly(2008, 7, 1), new DateOnly(2008, 7, 4), ct, ("Chief Executive's Directorate Plan 2008-2011", "Annex A - Directorate Plan 2008-2011.pdf", DemoPdf.Of(AnnexA(DemoPlans.English))));
        var decision = Decision.Record(
            york, yorkRecommendation, july.Date, DecisionOutcome.Approved,
            "The Executive Member approved the Chief Executive's Directorate Plan 2008-2011, on the advice of the Advisory Panel.",
            yorkRecommendation.Reason, "None: the plan was attached for approval.", "None declared.");
        // The decision approved the plan for 2008-2011: it changed the key actions of the plan's first year (2008/09, moved with the plan).
        var plan = await db.Plans.SingleAsync(ct);
        var actions = await db.Actions.Where(a => a.PlanId == plan.Id && a.Year == plan.FirstYear).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);
        foreach (var action in actions)
        {
            decision.Link(DecisionTarget.KeyAction, action);
        }

        var priorities = await db.ThreadItems.Where(i => i.Kind == ThreadItemKind.CorporatePriority).OrderBy(i => i.Id).Select(i => i.Id).Take(1).ToListAsync(ct);
        foreach (var item in priorities)
        {
            decision.Link(DecisionTarget.ThreadItem, item);
        }

        db.Decisions.Add(decision);
        await db.SaveChangesAsync(ct);

        // Carlisle, CE 21/09 to the Employment Panel of 25 August 2009, with its appendices.
        var carlisle = Report.Draft("CE 21/09", "Transformation Programme: Restructure - Draft Job Descriptions and Person Specifications for the Posts in the New Strategic Management Team", Person("ceo"));
        carlisle.Describe(new ReportParticulars(
            carlisle.Reference, carlisle.Title, Person("ceo"),
            "Contact officer: Maggie Mooney, ext. 7001.\n\nNote: in compliance with section 100D of the Local Government (Access to Information) Act 1985 the report has been prepared in part from the following papers: none.",
            AllWards: true, null, IsKeyDecision: false, "None"));
        carlisle.PlaceBefore(august.Id, employment.Id, august.Items.Single(i => i.Title.Contains("CE 21/09", StringComparison.Ordinal)).Id);
        Write(carlisle, SectionKind.Summary, "Attached to the report are draft Job Descriptions and Person Specifications for the posts of two Strategic Directors and the six Assistant Directors.");
        Write(carlisle, SectionKind.Background, """
            A copy of the new Strategic Management structure is attached (Appendix 1). The structure was approved by full Council on the 14th July 2009.

            Also attached are draft Job Descriptions and Person Specifications for the two Strategic Directors and the six Assistant Directors who will be part of the new Strategic Management team (Appendix 2).

            The process of drawing up the job descriptions for the new posts has been carried out by the Town Clerk and Chief Executive in close collaboration with North West Employers, who have worked with the Council on the restructure proposals and have looked at similar posts in other Councils, together with best and up to date practice used across the public sector.
            """);
        Write(carlisle, SectionKind.Consultation, "The Town Clerk and Chief Executive has discussed the job descriptions with other District Councils' chief executives outside Cumbria who have recently gone through major restructures.");
        Write(carlisle, SectionKind.OptionsAndAnalysis, "The Panel is asked for its views; the job descriptions remain drafts until the appointments process begins.");
        Write(carlisle, SectionKind.CorporatePriorities, "The new Strategic Management Team is central to the Transformation Programme.");
        Write(carlisle, SectionKind.FinancialImplications, "The salary bands of the new posts are within the budget for the restructure approved by Council on 14 July 2009.");
        Write(carlisle, SectionKind.HumanResourcesImplications, "Posts will be filled in line with the Council's restructure and redeployment policies; internal candidates are considered first.");
        Write(carlisle, SectionKind.LegalImplications, "The statutory designations (Head of Paid Service, Section 151 Officer and Monitoring Officer) are kept.");
        Write(carlisle, SectionKind.EqualitiesImplications, "None.");
        Write(carlisle, SectionKind.CrimeAndDisorderImplications, "None.");
        Write(carlisle, SectionKind.PropertyImplications, "None.");
        Write(carlisle, SectionKind.RiskManagement, "Delay in appointing to the new posts would slow the Transformation Programme; the timetable is managed by the Town Clerk and Chief Executive.");
        carlisle.Recommend(
            "That the Employment Panel give their views on the roles and responsibilities for the postholders in the new Strategic Management Team, which are contained in the draft Job Descriptions.",
            "So that the Panel's views shape the job descriptions before the posts are advertised.");
        await PublishAsync(db, carlisle, new DateOnly(2009, 8, 11), new DateOnly(2009, 8, 12), new DateOnly(2009, 8, 14), ct, ("The new Strategic Management structure", "Appendix 1 - Strategic Management structure.txt", Encoding.UTF8.GetBytes("""
            Appendix 1: the new Strategic Management structure, approved by full Council on 14 July 2009

            Town Clerk and Chief Executive | Head of Paid Service | band not set out in this report
              Strategic Director (Deputy Chief Executive) | Deputy Chief Executive* | JNC for Chief Officers £74,545 to £82,000
                Assistant Director (Resources) | Section 151 Officer | JNC for Chief Officers £52,500 to £58,000
                Assistant Director (Governance) | Monitoring Officer | JNC for Chief Officers £52,500 to £58,000
              Strategic Director | | JNC for Chief Officers £65,454 to £72,000
                Assistant Director (People, Policy and Performance) | | JNC for Chief Officers £52,500 to £58,000
                Assistant Director (Community Services) | | JNC for Chief Officers £52,500 to £58,000
                Assistant Director (Economic Development) | | JNC for Chief Officers £52,500 to £58,000
                Assistant Director (Local Environment) | | JNC for Chief Officers £52,500 to £58,000

            *One of the two Strategic Director posts will be designated Deputy Chief Executive.
            """)), ("Draft job descriptions and person specifications", "Appendix 2 - Draft job descriptions.pdf", DemoPdf.Of(
            "Appendix 2: Draft Job Descriptions and Person Specifications",
            "Strategic Director (Deputy Chief Executive): accountable to the Town Clerk and Chief Executive.",
            "Strategic Director: accountable to the Town Clerk and Chief Executive.",
            "Assistant Directors (six posts): accountable to a Strategic Director.",
            "Person specification: criterion, essential or desirable, measured by.")));

        // An exempt staffing report at the same meeting, taken in private.
        var staffing = Report.Draft("HR 14/09", "Staffing matters: redeployment of an officer affected by the restructure", Person("tom"));
        staffing.Describe(new ReportParticulars(
            staffing.Reference, staffing.Title, Person("heather"), "Tom Fielding, Head of Human Resources, ext. 7050.", AllWards: true, null, IsKeyDecision: false, "Personnel file (exempt)"));
        staffing.PlaceBefore(august.Id, employment.Id, august.Items.Single(i => i.Title == "Staffing matters").Id);
        staffing.MarkExempt(1, "The report is about one named officer's employment; the public interest in keeping it confidential outweighs the interest in disclosing it.", new DateOnly(2015, 8, 25));
        var staffingHeld = "Set out in the confidential personnel file.";
        WriteAll(
            staffing,
            "This report seeks the Panel's agreement to the redeployment of Ms A. Example, Principal Officer (Policy), whose post is deleted by the restructure, to the new post of Policy Lead from 1 October 2009 with pay protection for two years.",
            "Ms Example has worked for the Council for fourteen years and has applied for redeployment under the Council's policy.",
            staffingHeld, staffingHeld, staffingHeld, staffingHeld,
            "None.",
            (SectionKind.FinancialImplications, "Pay protection costs £3,120 over two years, met from the restructure budget."));

        staffing.Recommend("That Ms Example be redeployed to the post of Policy Lead from 1 October 2009 with two years' pay protection.", "To retain the officer's experience and avoid a redundancy payment.");
        await PublishAsync(db, staffing, new DateOnly(2009, 8, 11), new DateOnly(2009, 8, 12), new DateOnly(2009, 8, 14), ct);

        // A draft for the coming panel: the officer still has the implications and a reason to write.
        var draft = Report.Draft("CE/DP/PROGRESS", "Directorate Plan: six-month progress", Person("barbara"));
        draft.Describe(new ReportParticulars(draft.Reference, draft.Title, Person("heather"), "Barbara Boyce, Business and Performance Manager, 01904 552014.", AllWards: true, null, IsKeyDecision: false, null));
        draft.PlaceBefore(coming.Id, panel.Id, coming.Items.Single(i => i.Title.StartsWith("Directorate Plan", StringComparison.Ordinal)).Id);
        Write(draft, SectionKind.Summary, "This report sets out progress on the key actions and performance indicators of the Directorate Plan at six months.");
        Write(draft, SectionKind.Background, "The Directorate Plan is reviewed at six months and revised annually.");
        draft.Recommend("That the Advisory Panel note the progress made.", null);
        db.Reports.Add(draft);

        // The Forward Plan: one entry with full notice, one given late; each names a meeting of its body that is in the calendar.
        var strategyMeeting = await db.Meetings.Where(m => m.BodyId == panel.Id && m.Date > coming.Date).OrderBy(m => m.Date).FirstAsync(ct);
        var restructureMeeting = await db.Meetings.Where(m => m.BodyId == employment.Id && m.Date > today).OrderBy(m => m.Date).FirstAsync(ct);
        db.ForwardPlan.Add(ForwardPlanEntry.Give(
            $"Corporate Strategy refresh {strategyMeeting.Date.Year}-{strategyMeeting.Date.Year + 3}", panel.Id, strategyMeeting.Date, today.AddDays(-5),
            "The Executive Member will be asked to approve the refreshed Corporate Strategy and its priorities.", null, Person("heather")));
        var restructure = ForwardPlanEntry.Give(
            "Senior restructure: next steps", employment.Id, restructureMeeting.Date, today.AddDays(-2),
            "The Panel will be asked to agree the next stage of the senior restructure.", 1, Person("tom"));
        db.ForwardPlan.Add(restructure);
        await db.SaveChangesAsync(ct);

        // The Employment Panel's coming meeting, papers out: how the new Assistant Director posts are
        // filled (internal candidates first, as Direction of Travel says), and the senior
        // restructure's next steps, exempt under paragraph 1 and taken in private.
        var panelMeeting = await db.Meetings.Include(m => m.Items).SingleAsync(m => m.Id == restructureMeeting.Id, ct);
        var papersOut = panelMeeting.AgendaPublishedOn ?? today;
        var recruitment = Report.Draft($"HR {papersOut:yy}/07", "Assistant Director posts: internal candidates first", Person("tom"));
        recruitment.Describe(new ReportParticulars(
            recruitment.Reference, recruitment.Title, Person("heather"), "Tom Fielding, Head of Human Resources, ext. 7050.", AllWards: true, null, IsKeyDecision: false,
            "Internal Recruitment: Direction of Travel (staff briefing)."));
        recruitment.PlaceBefore(panelMeeting.Id, employment.Id, panelMeeting.Items.Single(i => i.Title.StartsWith("Assistant Director posts", StringComparison.Ordinal)).Id);
        WriteAll(
            recruitment,
            "This report sets out how the new Assistant Director posts will be filled. Each post is opened first to internal candidates only, in line with the principles of Direction of Travel Phase 1, and is advertised outside the council only if no internal candidate is appointable.",
            """
            The new Assistant Director posts are central to creating the leadership needed to translate political direction, strategy and policy into operational delivery. They are new posts and will be filled through a recruitment process.

            To give talented people within the council the chance to seek promotion and develop, the posts are opened first to internal candidates only. The senior leadership team will then review management capability and capacity across the whole organisation.
            """,
            "The trade unions and the senior leadership team have been consulted on the timetable.",
            "Advertising every post externally at once was considered and rejected: it would not give internal candidates the first opportunity the council has promised them.",
            "The posts serve the third strategic challenge: to be a highly effective council within a fundamentally different funding context.",
            "If no internal candidate is appointable the post is advertised externally within four weeks, so the structure is complete by the spring.",
            "None.",
            (SectionKind.FinancialImplications, "The posts are within the establishment budget approved for the new structure."),
            (SectionKind.HumanResourcesImplications, "Internal candidates apply first; anyone displaced by the restructure is considered under the redeployment policy."));
        recruitment.Recommend("That the Panel note the timetable for filling the Assistant Director posts, internal candidates first.", "So that the Panel knows when each appointment will come before it.");
        await PublishAsync(db, recruitment, papersOut.AddDays(-4), papersOut.AddDays(-2), papersOut, ct);

        var nextSteps = Report.Draft($"HR {papersOut:yy}/08", "Senior restructure: next steps", Person("tom"));
        nextSteps.Describe(new ReportParticulars(
            nextSteps.Reference, nextSteps.Title, Person("heather"), "Tom Fielding, Head of Human Resources, ext. 7050.", AllWards: true, null, IsKeyDecision: true, "Personnel files (exempt)."));
        nextSteps.LinkForwardPlan(restructure.Id);
        nextSteps.PlaceBefore(panelMeeting.Id, employment.Id, panelMeeting.Items.Single(i => i.Title == "Senior restructure: next steps").Id);
        nextSteps.MarkExempt(1, "The report names officers whose posts are affected; the public interest in keeping their employment confidential outweighs the interest in disclosing it.", today.AddYears(6));
        var nextStepsHeld = "Set out in the confidential personnel files.";
        WriteAll(
            nextSteps,
            "This report asks the Panel to agree that Mr B. Sample, Head of Policy, be assimilated to the post of Assistant Director (Community Services), and that the voluntary redundancy requested by Ms C. Specimen be accepted from 31 March.",
            "Mr Sample's current post is deleted by the restructure and matches the new post in most of its accountabilities. Ms Specimen has asked to leave under the voluntary redundancy scheme.",
            nextStepsHeld, nextStepsHeld, nextStepsHeld, nextStepsHeld,
            "None.",
            (SectionKind.FinancialImplications, "The redundancy payment of £48,200 is met from the restructure reserve."));

        nextSteps.Recommend("That Mr Sample be assimilated to the post of Assistant Director (Community Services), and Ms Specimen's voluntary redundancy be accepted from 31 March.", "To complete the senior structure without an external appointment to that post.");
        await PublishAsync(db, nextSteps, papersOut.AddDays(-4), papersOut.AddDays(-2), papersOut, ct);
    }

    /// <summary>
    /// The Swedish demo's ärenden: the two tjänsteskrivelser for the coming KSAU, published with
    /// the kallelse, so the chair and her colleagues have papers to read.
    /// </summary>
    public static async Task SeedSwedishAsync(PortalDbContext db, IReadOnlyDictionary<string, Person> people, DateOnly today, CancellationToken ct)
    {
        int Person(string key) => people[key].Id;
        var ksau = await db.Bodies.SingleAsync(b => b.Slug == "ksau", ct);
        var meeting = await db.Meetings.Include(m => m.Items).Where(m => m.BodyId == ksau.Id && m.Date >= today && m.Status != MeetingStatus.Cancelled).OrderBy(m => m.Date).FirstAsync(ct);
        var sent = meeting.AgendaPublishedOn ?? today;
        int Item(string start) => meeting.Items.Single(i => i.Title.StartsWith(start, StringComparison.Ordinal)).Id;

        var deviations = Report.Draft($"KS {sent.Year}/412", "Uppföljning av avvikelserna i delårsrapporten januari–augusti", Person("klc"));
        deviations.Describe(new ReportParticulars(
            deviations.Reference, deviations.Title, Person("kc"), "Johan Berg, kommunledningschef, 0481-450 00.", AllWards: true, null, IsKeyDecision: false,
            "Delårsrapport januari–augusti; förvaltningarnas åtgärdsplaner."));
        deviations.PlaceBefore(meeting.Id, ksau.Id, Item("Delårsrapporten"));
        WriteAll(
            deviations,
            "Tre förvaltningar redovisade i delårsrapporten en prognos över budget. Här redovisas deras åtgärder och hur de följs upp fram till årsskiftet.",
            "Kommunstyrelsen gav förvaltningarna i uppdrag att ta fram åtgärder för de avvikelser som delårsrapporten visade. Kommunledningsförvaltningen har sammanställt åtgärderna.",
            "Ärendet har beretts med förvaltningscheferna och med de fackliga organisationerna i Cesam.",
            "Åtgärderna bedöms minska underskottet med två tredjedelar under året; resten hanteras i budgeten för 2027.",
            "Ärendet hör till kommunens mål om en ekonomi i balans.",
            "Om åtgärderna inte räcker behöver kommunstyrelsen besluta om fler i februari.",
            "Inga.",
            (SectionKind.FinancialImplications, "Åtgärderna minskar prognosen för underskottet med 14 miljoner kronor."));
        deviations.Recommend("Arbetsutskottet föreslår kommunstyrelsen att godkänna uppföljningen och lägga den till handlingarna.", "Förvaltningarnas åtgärder svarar mot avvikelserna i delårsrapporten.");
        await PublishAsync(db, deviations, sent.AddDays(-5), sent.AddDays(-2), sent, ct);

        var skills = Report.Draft($"KS {sent.Year}/398", "Kompetensförsörjningsplan 2027–2030", Person("pc"));
        skills.Describe(new ReportParticulars(
            skills.Reference, skills.Title, Person("kc"), "Lena Åberg, personalchef, 0481-450 00.", AllWards: true, null, IsKeyDecision: false,
            "Förvaltningarnas synpunkter på förslaget."));
        skills.PlaceBefore(meeting.Id, ksau.Id, Item("Kompetensförsörjningsplan"));
        WriteAll(
            skills,
            "Planen beskriver hur kommunen ska rekrytera, utveckla och behålla medarbetare de kommande fyra åren, med störst behov inom omsorg och skola.",
            "Förvaltningarna har lämnat synpunkter på förslaget som personalchefen presenterade för förvaltningscheferna.",
            "Förslaget har samverkats i Cesam.",
            "Planen samlar förvaltningarnas behov i en gemensam plan i stället för en plan per förvaltning.",
            "Ärendet hör till kommunens arbete som arbetsgivare.",
            "Utan en samlad plan konkurrerar förvaltningarna om samma yrkesgrupper.",
            "Inga.",
            (SectionKind.HumanResourcesImplications, "Planen ger varje förvaltning ett mål för rekrytering och kompetensutveckling."));
        skills.Recommend("Arbetsutskottet föreslår kommunstyrelsen att anta kompetensförsörjningsplanen 2027–2030.", "Planen ger kommunen en gemensam inriktning för kompetensförsörjningen.");
        await PublishAsync(db, skills, sent.AddDays(-5), sent.AddDays(-2), sent, ct);
    }

    private static void Write(Report report, SectionKind kind, string text) => report.WriteSection(kind, text);

    /// <summary>
    /// Writes every section of a report in the template's order: the five before the implications,
    /// each implication in its own words where given and <paramref name="none"/> where not, then
    /// risk management.
    /// </summary>
    private static void WriteAll(
        Report report, string summary, string background, string consultation, string options, string priorities, string risk, string none,
        params (SectionKind Kind, string Text)[] implications)
    {
        Write(report, SectionKind.Summary, summary);
        Write(report, SectionKind.Background, background);
        Write(report, SectionKind.Consultation, consultation);
        Write(report, SectionKind.OptionsAndAnalysis, options);
        Write(report, SectionKind.CorporatePriorities, priorities);
        foreach (var kind in ReportTemplate.Sections.Where(ReportTemplate.IsImplication))
        {
            Write(report, kind, implications.FirstOrDefault(i => i.Kind == kind).Text ?? none);
        }

        Write(report, SectionKind.RiskManagement, risk);
    }

    /// <summary>
    /// Annex A, the plan the Executive Member approved, written from the demo plan itself so the two
    /// cannot disagree: each priority, with how many key actions and performance indicators serve
    /// it. The report is public; the actions and indicators themselves are for those signed in,
    /// as the plan is, so the annex counts them rather than naming them.
    /// </summary>
    private static string[] AnnexA(DemoPlan plan)
    {
        var lines = new List<string> { "Annex A: Chief Executive's Directorate Plan 2008-2011", "City of York Council", string.Empty };
        var number = 0;
        foreach (var priority in plan.Priorities)
        {
            var actions = plan.Actions.Where(a => a.PriorityKey == priority.Key).Select(a => a.Title).Distinct().Count();
            var indicators = plan.Indicators.Count(i => i.PriorityKey == priority.Key);
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"Priority {++number}: {priority.Title}"));
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"  {Counted(actions, "key action")} and {Counted(indicators, "performance indicator")}."));
        }

        return [.. lines];
    }

    private static string Counted(int count, string noun) => string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");

    private static async Task<Meeting> MeetingAsync(PortalDbContext db, int bodyId, DateOnly date, CancellationToken ct) =>
        await db.Meetings.Include(m => m.Items).SingleAsync(m => m.BodyId == bodyId && m.Date == date, ct);

    /// <summary>Saves the report as a draft, attaches its annexes, then takes it through submission, clearance and publication on the given days.</summary>
    private static async Task PublishAsync(
        PortalDbContext db, Report report, DateOnly submitted, DateOnly cleared, DateOnly published, CancellationToken ct, params (string Title, string FileName, byte[] Bytes)[] annexes)
    {
        db.Reports.Add(report);
        await db.SaveChangesAsync(ct);
        var number = 0;
        foreach (var (title, fileName, bytes) in annexes)
        {
            var annex = Annex.Attach(report, ++number, title, fileName, bytes, null);
            db.Annexes.Add(annex);
            await db.SaveChangesAsync(ct);
            db.AnnexContents.Add(AnnexContent.For(annex, bytes));
        }

        report.Submit(submitted);
        report.Clear(report.ChiefOfficerId!.Value, cleared);
        report.Publish(published, deadline: null, lateReason: null);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>A one-page PDF of plain lines, enough for the demo's annexes to open in a browser.</summary>
internal static class DemoPdf
{
    public static byte[] Of(params string[] lines)
    {
        var text = new StringBuilder("BT /F1 12 Tf 56 780 Td 16 TL\n");
        foreach (var line in lines)
        {
            text.Append('(').Append(line.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal)).Append(") Tj T*\n");
        }

        text.Append("ET");
        var stream = text.ToString();
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {Encoding.Latin1.GetByteCount(stream)} >>\nstream\n{stream}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.Latin1.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = Encoding.Latin1.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }
}
