using Microsoft.EntityFrameworkCore;
using Portal.Domain.Meetings;
using Portal.Domain.Organisation;
using Portal.Features.Meetings.Calendar;

namespace Portal.Data.Seeding;

/// <summary>
/// The demo councils' bodies and meetings. English: Kirklees-style Executive Management Group
/// weekly and Senior Management Group monthly, York's Executive Member for City Strategy and
/// Advisory Panel of 14 July 2008, and the Employment Panel of 25 August 2009 (Carlisle's CE
/// 21/09). Swedish: Nybro's KLG every other Monday from 4 September 2017, and KSAU. Recent
/// meetings are dated from today so there is always a last meeting with notes and actions, and
/// a coming one with an agenda.
/// </summary>
internal static class DemoMeetingSeeder
{
    public static async Task SeedAsync(
        PortalDbContext db, InstallationKind kind, IReadOnlyDictionary<string, Person> people, IReadOnlyDictionary<string, Portal.Domain.Establishment.Post> posts, DateOnly today, CancellationToken ct)
    {
        var country = kind == InstallationKind.SwedishDemo ? Country.Sweden : Country.England;
        var settings = MeetingSettings.CreateDefault(country);
        db.MeetingSettings.Add(settings);
        await db.SaveChangesAsync(ct);
        var seeder = new Seeder(db, people, posts, settings, today);
        if (country == Country.Sweden)
        {
            await seeder.SwedishAsync(ct);
        }
        else
        {
            await seeder.EnglishAsync(ct);
        }

        await MeetingScheduler.ExtendAllAsync(db, today, ct);
    }

    private sealed class Seeder(PortalDbContext db, IReadOnlyDictionary<string, Person> people, IReadOnlyDictionary<string, Portal.Domain.Establishment.Post> posts, MeetingSettings settings, DateOnly today)
    {
        private int Person(string key) => people[key].Id;

        public async Task EnglishAsync(CancellationToken ct)
        {
            var emg = await BodyAsync(
                Body.Create(
                    "Executive Management Group", "EMG", BodyKind.OfficerGroup, Regime.Internal,
                    """
                    The officers within the Executive Management Group are responsible for the corporate management of the council. They meet weekly to discuss the latest events and issues which might influence the work programmes of the council and its services, and work on a collective or individual basis to:

                    - identify key challenges and opportunities which will affect the council's working environment, and prepare responses;
                    - provide strategic advice to the council;
                    - ensure that the policy objectives of the council are incorporated within the work programmes of services;
                    - lead or manage the development of major strategies;
                    - provide information and support to councillors, managers and staff;
                    - manage the performance of the directors and heads of service;
                    - oversee the working relationships between councillors and staff;
                    - ensure the health of the organisation (values, culture, expectations and structures);
                    - lead corporate and inter-agency initiatives that fall outside traditional service delivery;
                    - co-ordinate the council's work with partner organisations;
                    - represent the council in local, regional and national debates;
                    - deal with the resolution of conflict.

                    The group also meets monthly with all heads of service as the **Senior Management Group**.
                    """,
                    "The members of the group, all heads of service and the intranet",
                    isPublic: false),
                [],
                ct);

            // The directors sit by post, so the seat follows whoever holds it; each with their part in the group.
            emg.AddMember(null, null, MemberRole.Chair, posts["CE-001"].Id, "Leads the group as Head of Paid Service; the council's strategy, partnerships and its relationship with the Cabinet.");
            emg.AddMember(null, null, MemberRole.Member, posts["SD-001"].Id, "Deputises for the Chief Executive; resources, finance, legal and governance; the budget and the corporate risk register.");
            emg.AddMember(null, null, MemberRole.Member, posts["SD-002"].Id, "People, policy and performance; directorate plans and the golden thread; workforce planning.");
            emg.AddMember(null, "Director of Housing and Adult Social Services", MemberRole.Member);
            emg.AddMember(Person("grace"), null, MemberRole.Secretary);
            await db.SaveChangesAsync(ct);
            var emgCadence = await CadenceAsync(emg, new CadenceRule(
                CadenceKind.Weekly, DayOfWeek.Tuesday, null, null, new DateOnly(2008, 6, 3), null, new TimeOnly(9, 30), 120,
                "Chief Executive's meeting room, West Offices", HolidayRule.NextWorkingDay), ct);
            // A quarter of weekly meetings behind today, so every Tuesday of this month has its
            // meeting whatever the day; the last three carry the notes and actions the demo reads.
            var history = await PastMeetingsAsync(emgCadence, 13, ct);
            foreach (var earlier in history.SkipLast(3))
            {
                await NotesAsync(earlier, [
                    ("Actions from the last meeting", "Grace Okafor", "Open actions were reviewed; each stays on the list until it is done."),
                    ("Forward look: the Executive's business", "Alex Morgan", "The group went through the items going to the Executive and agreed who leads on each."),
                ], publish: true, ct);
            }

            var past = history.TakeLast(3).ToList();
            await NotesAsync(past[0], [
                ("Corporate risk register: quarterly review", "Ian Floyd", "The group reviewed the register. Two risks are above the council's appetite; owners to bring mitigation plans."),
                ("Budget 2027/28: savings proposals", "Ian Floyd", "Directors to confirm their savings proposals before the Executive briefing."),
            ], publish: true, ct);
            await NotesAsync(past[1], [
                ("Workforce plan", "Heather Rice", "The draft workforce plan was discussed. Heads of service to comment by the end of the month."),
                ("Partnership board: preparation", "Alex Morgan", "Agreed the council's position for the Without Walls partnership board."),
            ], publish: true, ct);
            await NotesAsync(past[2], [
                ("Directorate plans: half-year progress", "Heather Rice", "Progress on the key actions was reviewed; the overdue actions are on the dashboard."),
                ("Any other business", null, null),
            ], publish: false, ct);
            await ActionAsync(past[0], "Bring mitigation plans for the two risks above appetite", "dir-res", past[0].Date.AddDays(10), done: true, ct);
            await ActionAsync(past[1], "Circulate the draft workforce plan to heads of service", "tom", past[1].Date.AddDays(3), done: false, ct);
            await ActionAsync(past[2], "Chase the owners of overdue key actions", "barbara", today.AddDays(14), done: false, ct);

            // Taken in private, with an action agreed under it: the group's members, directors and administrators read both; other staff see the title only.
            var restructure = past[2].AddItem("Senior restructure: options", "Heather Rice", 20, isPrivate: true);
            await db.SaveChangesAsync(ct);
            restructure.WriteNotes("The group weighed three options for the Assistant Director posts and prefers deleting two of them; the Employment Panel will be asked to agree it.");
            await PrivateActionAsync(past[2], restructure, "Draft the at-risk letters to the two Assistant Directors whose posts would be deleted", "heather", today.AddDays(10), done: false, ct);

            var coming = db.Meetings.Local.Where(m => m.BodyId == emg.Id && m.Date > today).OrderBy(m => m.Date).ToList();
            if (coming.Count == 0)
            {
                await MeetingScheduler.ExtendAllAsync(db, today, ct);
                coming = [.. db.Meetings.Where(m => m.BodyId == emg.Id && m.Date > today).OrderBy(m => m.Date)];
            }

            coming[0].AddItem("Actions from the last meeting", "Grace Okafor", 10, isPrivate: false);
            coming[0].AddItem("Winter pressures: adult social care", "Director of Housing and Adult Social Services", 30, isPrivate: false);
            coming[0].AddItem("Senior restructure: next steps", "Heather Rice", 20, isPrivate: true);
            coming[2].Cancel("The group joins the Budget away day instead.");
            await db.SaveChangesAsync(ct);

            var smg = await BodyAsync(
                Body.Create(
                    "Senior Management Group", "SMG", BodyKind.OfficerGroup, Regime.Internal,
                    "The Executive Management Group meets monthly with all the heads of service, so that every senior manager has a regular opportunity to keep up to date with the latest changes and issues taking shape.",
                    "All heads of service and the intranet",
                    isPublic: false),
                [("ceo", null, MemberRole.Chair), ("heather", null, MemberRole.Member), ("dir-res", null, MemberRole.Member), ("tom", null, MemberRole.Member),
                 ("s151", null, MemberRole.Member), ("mo", null, MemberRole.Member), ("barbara", null, MemberRole.NoteTaker), ("grace", null, MemberRole.Secretary)],
                ct);
            var smgCadence = await CadenceAsync(smg, new CadenceRule(
                CadenceKind.MonthlyWeekday, DayOfWeek.Tuesday, 1, null, new DateOnly(2008, 6, 3), null, new TimeOnly(14, 0), 120,
                "Council Chamber, the Guildhall", HolidayRule.NextWorkingDay), ct);
            var smgPast = await PastMeetingsAsync(smgCadence, 1, ct);
            await NotesAsync(smgPast[0], [
                ("Latest changes and issues: the budget timetable", "Keith Best", "Heads of service were briefed on the budget timetable and the consultation dates."),
                ("Staff survey results", "Tom Fielding", "Results to be shared with every team; heads of service to agree one action each."),
            ], publish: true, ct);
            await ActionAsync(smgPast[0], "Agree one action from the staff survey with each team", "tom", today.AddDays(21), done: false, ct);

            var panel = await BodyAsync(
                Body.Create(
                    "Executive Member for City Strategy and Advisory Panel", "EMAP-CS", BodyKind.ExecutiveSession, Regime.England,
                    "The Executive Member for City Strategy takes decisions on the council's strategy, performance and improvement, advised in public by the Advisory Panel.",
                    "Decisions are published in the record of decisions; minutes are approved at the next meeting.",
                    isPublic: true),
                [("cllr", null, MemberRole.Chair), ("cllr2", null, MemberRole.Member), ("grace", null, MemberRole.Secretary)],
                ct);
            var july = Meeting.Schedule(panel, new DateOnly(2008, 7, 14), new TimeOnly(17, 0), new TimeOnly(19, 0), "The Guildhall, York");
            var september = Meeting.Schedule(panel, new DateOnly(2008, 9, 8), new TimeOnly(17, 0), new TimeOnly(18, 30), "The Guildhall, York");
            db.Meetings.AddRange(july, september);
            await db.SaveChangesAsync(ct);
            july.PublishAgenda(new DateOnly(2008, 7, 4), ClearDays.PublicationDeadline(july.Date, settings.AgendaClearDays, settings.Holidays), null);
            july.AddItem("Declarations of Interest", null, 5, false);
            july.AddItem("Minutes", null, 5, false);
            july.AddItem("Public Participation", null, 10, false);
            var plan = july.AddItem("Chief Executive's Directorate Plan 2008-2011", "Heather Rice, Director of People and Improvement", 30, false);
            await db.SaveChangesAsync(ct);
            plan.WriteNotes(
                "The Executive Member **approved** the Chief Executive's Directorate Plan 2008-2011 (Annex A).\n\n"
                + "*Reason*: to give the directorate a common direction for the medium term and show its contribution to the Corporate Strategy through the golden thread.");
            july.StartRecord();
            july.MarkHeld(today);
            september.AddItem("Minutes of the meeting held on 14 July 2008", null, 5, false);
            september.MarkHeld(today);
            await db.SaveChangesAsync(ct);
            july.ApproveMinutes(Regime.England, september);
            RecordAll(july, september, "cllr", "cllr2", "grace");

            var nextPanel = WorkingDays.OnOrAfter(NextWeekday(today.AddDays(12), DayOfWeek.Monday), settings.Holidays);
            var upcoming = Meeting.Schedule(panel, nextPanel, new TimeOnly(17, 0), new TimeOnly(19, 0), "The Guildhall, York");
            db.Meetings.Add(upcoming);
            await db.SaveChangesAsync(ct);
            upcoming.AddItem("Declarations of Interest", null, 5, false);
            upcoming.AddItem("Minutes of the last meeting", null, 5, false);
            upcoming.AddItem("Public Participation", null, 15, false);
            upcoming.AddItem("Directorate Plan: six-month progress", "Barbara Boyce, Business and Performance Manager", 30, false);

            // The meeting after, where the Forward Plan's key decision on the Corporate Strategy is due.
            db.Meetings.Add(Meeting.Schedule(panel, WorkingDays.OnOrAfter(NextWeekday(today.AddDays(45), DayOfWeek.Monday), settings.Holidays), new TimeOnly(17, 0), new TimeOnly(19, 0), "The Guildhall, York"));
            await db.SaveChangesAsync(ct);

            var employment = await BodyAsync(
                Body.Create(
                    "Employment Panel", null, BodyKind.MemberPanel, Regime.England,
                    "Gives councillors' views on the council's senior structure, the roles of its chief officers and other employment matters.",
                    "Minutes go to the Executive and are approved at the Panel's next meeting.",
                    isPublic: true),
                [("cllr2", null, MemberRole.Chair), ("cllr", null, MemberRole.Member), ("grace", null, MemberRole.Secretary)],
                ct);
            var august = Meeting.Schedule(employment, new DateOnly(2009, 8, 25), new TimeOnly(10, 0), new TimeOnly(12, 0), "Civic Centre");
            db.Meetings.Add(august);
            await db.SaveChangesAsync(ct);
            august.PublishAgenda(new DateOnly(2009, 8, 14), ClearDays.PublicationDeadline(august.Date, settings.AgendaClearDays, settings.Holidays), null);
            var roles = august.AddItem("Strategic Management Team: roles and responsibilities (CE 21/09)", "Chief Executive", 45, false);
            var staffing = august.AddItem("Staffing matters", "Head of Human Resources", 20, true);
            await db.SaveChangesAsync(ct);
            roles.WriteNotes(
                "The Panel gave its views on the roles and responsibilities of the postholders in the new Strategic Management Team, set out in the draft job descriptions: "
                + "the Deputy Chief Executive, the Assistant Director (Resources) as Section 151 Officer and the Assistant Director (Governance) as Monitoring Officer.");
            roles.Declare(Person("cllr2"), "Cllr Ruth Potter", "A relative works in the council's Human Resources team (not prejudicial).");
            staffing.WriteNotes("Exempt under paragraph 1: information relating to individual members of staff.");
            august.StartRecord();
            august.MarkHeld(today);
            RecordAll(august, null, "cllr2", "grace");
            august.RecordAttendance(Person("cllr"), AttendanceKind.Apologies);

            // The Panel's coming meeting, the Wednesday before the Advisory Panel's, with its papers
            // out: the Panel's members always have a meeting to prepare for. The Forward Plan's
            // decision on the senior restructure is due there, taken in private.
            var nextEmployment = Meeting.Schedule(employment, WorkingDays.OnOrAfter(NextWeekday(nextPanel.AddDays(-7), DayOfWeek.Wednesday), settings.Holidays), new TimeOnly(10, 0), new TimeOnly(12, 0), "Civic Centre");
            db.Meetings.Add(nextEmployment);
            await db.SaveChangesAsync(ct);
            var papersDue = ClearDays.PublicationDeadline(nextEmployment.Date, settings.AgendaClearDays, settings.Holidays);
            nextEmployment.PublishAgenda(MinDate(papersDue, today), papersDue, null);
            nextEmployment.AddItem("Declarations of Interest", null, 5, isPrivate: false);
            nextEmployment.AddItem("Assistant Director posts: internal candidates first", "Head of Human Resources", 20, isPrivate: false);
            nextEmployment.AddItem("Senior restructure: next steps", "Head of Human Resources", 30, isPrivate: true);
            await db.SaveChangesAsync(ct);
            await PrivateActionAsync(august, staffing, "Confirm Ms Example's redeployment to Policy Lead in writing, with the terms of her pay protection", "tom", new DateOnly(2009, 9, 30), done: true, ct);
        }

        public async Task SwedishAsync(CancellationToken ct)
        {
            var klg = await BodyAsync(
                Body.Create(
                    "Koncernledningsgruppen", "KLG", BodyKind.OfficerGroup, Regime.Internal,
                    """
                    Gruppen samordnar på ett resurseffektivt sätt kommunens verksamheter, utvecklar dess kvalitéer, organisation, ledarskap och kundnyttor. Arbetet har strategiskt fokus i en förtroendeskapande relation till de politiska företrädarna och i facklig samverkan. Gruppen arbetar under devisen *Vi är Ni*.

                    Gruppen har två perspektiv:

                    1. **Utåtriktat perspektiv**: varumärket Nybro, vision, invånare, omvärld.
                    2. **Inåtriktat perspektiv**: styrning (mål och resultat), ledning (gemensamt utvecklingsarbete), organisation (kompetensförsörjning, personal och medarbetarskap).

                    Gruppen är ett nätverk och ett arbetssätt: den fattar inga kollektiva beslut, utan allt beslutsfattande sker i respektive chefs ansvarsområde. Gruppen sammankallas och leds av kommunchefen; kommunikationsstrategen dokumenterar.
                    """,
                    "Kommunstyrelsens arbetsutskott (KSAU), centrala samverkansgruppen (Cesam) och intranätet",
                    isPublic: false),
                [],
                ct);

            // Every seat is a post, as the document lists the members, so a seat follows whoever holds it.
            klg.AddMember(null, null, MemberRole.Chair, posts["KC-001"].Id, "Sammankallar och leder gruppen; rapporterar till KSAU och kommunstyrelsen och vid behov till styrelsen för Nybro Kommunbolag AB.");
            foreach (var number in new[] { "KLF-001", "SOC-001", "BUF-001", "OMF-001", "SBF-001", "NEAB-001", "NBAB-001", "KLF-002" })
            {
                klg.AddMember(null, null, MemberRole.Member, posts[number].Id);
            }

            klg.AddMember(null, null, MemberRole.NoteTaker, posts["KLF-003"].Id, "Dokumenterar gruppens arbete.");
            await db.SaveChangesAsync(ct);
            var cadence = await CadenceAsync(klg, new CadenceRule(
                CadenceKind.EveryOtherWeek, DayOfWeek.Monday, null, null, new DateOnly(2017, 9, 4), null, new TimeOnly(8, 30), 210,
                "Stadshuset, Nybro", HolidayRule.NextWorkingDay), ct);
            var first = Meeting.Schedule(klg, new DateOnly(2017, 9, 4), new TimeOnly(8, 30), new TimeOnly(12, 0), "Stadshuset, Nybro", new DateOnly(2017, 9, 4));
            db.Meetings.Add(first);
            await db.SaveChangesAsync(ct);
            var start = first.AddItem("KLG:s nya arbetssätt från och med i dag", "Kommunchef", 60, false);
            await db.SaveChangesAsync(ct);
            start.WriteNotes("Gruppen gick igenom dokumentet om KLG:s uppdrag, perspektiv, funktionärer och frekvens. Det gäller från och med i dag.");
            first.StartRecord();
            first.MarkHeld(today);
            first.PublishNotes(Regime.Internal, first.Date.AddDays(2));

            // A quarter of meetings behind today, so every meeting of this month is in the calendar
            // whatever the day; the last two carry the notes and actions the demo reads.
            var klgHistory = await PastMeetingsAsync(cadence, 6, ct);
            foreach (var earlier in klgHistory.SkipLast(2))
            {
                await NotesAsync(earlier, [
                    ("Aktuellt från förvaltningarna", "Kommunchef", "Förvaltningscheferna redovisade aktuella frågor; ingen krävde gemensam åtgärd."),
                ], publish: true, ct);
            }

            var past = klgHistory.TakeLast(2).ToList();
            await NotesAsync(past[0], [
                ("Varumärket Nybro: lägesrapport", "Kommunikationsstrateg", "Kommunikationsstrategen redovisade arbetet med varumärket. Förvaltningscheferna tar med frågan till sina ledningsgrupper."),
                ("Kompetensförsörjning", "Personalchef", "Personalchefen presenterade kompetensförsörjningsplanen. Synpunkter senast inom två veckor."),
            ], publish: true, ct);
            await NotesAsync(past[1], [
                ("Mål och resultat: delårsrapport", "Kommunledningschef", "Delårsrapporten gicks igenom. Avvikelser följs upp i respektive förvaltning."),
                ("Övriga frågor", null, null),
            ], publish: false, ct);
            await ActionAsync(past[0], "Skicka synpunkter på kompetensförsörjningsplanen till personalchefen", "skc", past[0].Date.AddDays(14), done: true, ct);
            await ActionAsync(past[1], "Sammanställa avvikelserna i delårsrapporten till KSAU", "klc", today.AddDays(10), done: false, ct);

            // The next meeting's agenda, sent out with the kallelse.
            await MeetingScheduler.ExtendAllAsync(db, today, ct);
            var nextKlg = await db.Meetings.Where(m => m.BodyId == klg.Id && m.Date > today).OrderBy(m => m.Date).FirstAsync(ct);
            nextKlg.AddItem("Åtgärder från förra mötet", "Kommunledningschef", 10, isPrivate: false);
            nextKlg.AddItem("Budget 2027: förvaltningarnas åtgärder för att nå balans", "Kommunledningschef", 45, isPrivate: false);
            nextKlg.AddItem("Kompetensförsörjning: uppföljning av synpunkterna", "Personalchef", 30, isPrivate: false);
            nextKlg.AddItem("Varumärket Nybro: nästa steg", "Kommunikationsstrateg", 30, isPrivate: false);
            nextKlg.PublishAgenda(MinDate(nextKlg.Date.AddDays(-3), today), null, null);
            await db.SaveChangesAsync(ct);

            var ksau = await BodyAsync(
                Body.Create(
                    "Kommunstyrelsens arbetsutskott", "KSAU", BodyKind.MemberPanel, Regime.Sweden,
                    "Bereder ärenden till kommunstyrelsen. Koncernledningsgruppens anteckningar anmäls här.",
                    "Kommunstyrelsen och kommunens digitala anslagstavla",
                    isPublic: true),
                [("ordf", null, MemberRole.Chair), (null, "Ledamot (S)", MemberRole.Member), ("ledamot", null, MemberRole.Member), ("adm", null, MemberRole.Secretary)],
                ct);
            var ksauCadence = await CadenceAsync(ksau, new CadenceRule(
                CadenceKind.EveryOtherWeek, DayOfWeek.Tuesday, null, null, new DateOnly(2026, 1, 13), null, new TimeOnly(13, 0), 180,
                "Stadshuset, sammanträdesrum Kalmarsund", HolidayRule.Skip), ct);
            var ksauHistory = await PastMeetingsAsync(ksauCadence, 6, ct);
            foreach (var earlier in ksauHistory.SkipLast(2))
            {
                await NotesAsync(earlier, [("Anmälan av delegationsbeslut", "Kommunchef", "Delegationsbesluten anmäldes och lades till handlingarna.")], publish: false, ct);
                earlier.RecordAttendance(Person("ledamot"), AttendanceKind.Present); // the justerare was there
                earlier.SignProtokoll(Regime.Sweden, "Birgitta Strand (ordförande), Lars Holmberg (justerare)", earlier.Date.AddDays(6), today);
                earlier.PostNotice(earlier.Date.AddDays(7), today);
            }

            var ksauPast = ksauHistory.TakeLast(2).ToList();
            await NotesAsync(ksauPast[0], [("Anmälan av KLG:s anteckningar", "Kommunchef", "Anteckningarna anmäldes och lades till handlingarna.")], publish: false, ct);
            ksauPast[0].RecordAttendance(Person("ledamot"), AttendanceKind.Present); // the justerare was there
            ksauPast[0].SignProtokoll(Regime.Sweden, "Birgitta Strand (ordförande), Lars Holmberg (justerare)", MinDate(ksauPast[0].Date.AddDays(6), today), today);
            ksauPast[0].PostNotice(MinDate(ksauPast[0].Date.AddDays(7), today), today);
            await NotesAsync(ksauPast[1], [("Delårsrapport", "Kommunledningschef", "Arbetsutskottet föreslår kommunstyrelsen att godkänna delårsrapporten.")], publish: false, ct);
            await db.SaveChangesAsync(ct);

            // The next meeting, kallelse and handlingar out: its two ärenden have tjänsteskrivelser (see DemoReportSeeder).
            await MeetingScheduler.ExtendAllAsync(db, today, ct);
            var nextKsau = await db.Meetings.Where(m => m.BodyId == ksau.Id && m.Date >= today && m.Status != MeetingStatus.Cancelled).OrderBy(m => m.Date).FirstAsync(ct);
            nextKsau.PublishAgenda(MinDate(nextKsau.Date.AddDays(-6), today), null, null);
            nextKsau.AddItem("Val av justerare", "Ordförande", 5, isPrivate: false);
            nextKsau.AddItem("Anmälan av KLG:s anteckningar", "Kommunchef", 10, isPrivate: false);
            nextKsau.AddItem("Delårsrapporten: uppföljning av avvikelserna", "Kommunledningschef", 30, isPrivate: false);
            nextKsau.AddItem("Kompetensförsörjningsplan 2027–2030", "Personalchef", 30, isPrivate: false);
            await db.SaveChangesAsync(ct);
        }

        private async Task<Body> BodyAsync(Body body, (string? Person, string? Post, MemberRole Role)[] members, CancellationToken ct)
        {
            db.Bodies.Add(body);
            await db.SaveChangesAsync(ct);
            foreach (var (person, post, role) in members)
            {
                body.AddMember(person is null ? null : Person(person), post, role);
            }

            await db.SaveChangesAsync(ct);
            return body;
        }

        private async Task<Cadence> CadenceAsync(Body body, CadenceRule rule, CancellationToken ct)
        {
            var cadence = Cadence.Create(body, rule);
            db.Cadences.Add(cadence);
            await db.SaveChangesAsync(ct);
            return cadence;
        }

        /// <summary>The last <paramref name="count"/> meetings of the series before today, held, oldest first.</summary>
        private async Task<List<Meeting>> PastMeetingsAsync(Cadence cadence, int count, CancellationToken ct)
        {
            // By the day each falls on: a series date just before today that a holiday moves to today or later is still to come.
            var slots = cadence.Slots(today.AddDays(-7 * 8 * count), today.AddDays(-1), settings.Holidays).Where(s => s.Date < today).TakeLast(count).ToList();
            var meetings = slots.Select(s => Meeting.Schedule(cadence.BodyId, s.Date, cadence.StartTime, cadence.EndTime, cadence.Venue, s.SeriesDate)).ToList();
            db.Meetings.AddRange(meetings);
            await db.SaveChangesAsync(ct);
            var body = await db.Bodies.FindAsync([cadence.BodyId], ct);
            foreach (var meeting in meetings)
            {
                meeting.MarkHeld(today);
                var holders = db.PostHoldings.Local.Where(h => h.To is null).GroupBy(h => h.PostId).ToDictionary(g => g.Key, g => g.First().PersonId);
                foreach (var member in body!.Members)
                {
                    var person = member.PersonId ?? (member.PostId is int post && holders.TryGetValue(post, out var holder) ? holder : null);
                    if (person is int id)
                    {
                        meeting.RecordAttendance(id, member.Position % 4 == 3 ? AttendanceKind.Apologies : AttendanceKind.Present);
                    }
                }
            }

            await db.SaveChangesAsync(ct);
            return meetings;
        }

        private async Task NotesAsync(Meeting meeting, (string Title, string? Presenter, string? Notes)[] items, bool publish, CancellationToken ct)
        {
            var added = items.Select(i => (Item: meeting.AddItem(i.Title, i.Presenter, 30, false), i.Notes)).ToList();
            meeting.PublishAgenda(meeting.Date.AddDays(-3), null, null);
            await db.SaveChangesAsync(ct);
            foreach (var (item, notes) in added)
            {
                item.WriteNotes(notes);
            }

            meeting.StartRecord();
            if (publish)
            {
                meeting.PublishNotes(Regime.Internal, MinDate(meeting.Date.AddDays(2), today));
            }

            await db.SaveChangesAsync(ct);
        }

        private Task ActionAsync(Meeting meeting, string text, string owner, DateOnly due, bool done, CancellationToken ct) =>
            ActionAsync(meeting, null, text, owner, due, done, ct);

        /// <summary>An action agreed under <paramref name="item"/>: taken in private, it is read only by those who may read the item.</summary>
        private Task PrivateActionAsync(Meeting meeting, AgendaItem item, string text, string owner, DateOnly due, bool done, CancellationToken ct) =>
            ActionAsync(meeting, item.Id, text, owner, due, done, ct);

        private async Task ActionAsync(Meeting meeting, int? itemId, string text, string owner, DateOnly due, bool done, CancellationToken ct)
        {
            var action = AgreedAction.Agree(meeting, itemId, text, Person(owner), due);
            if (done)
            {
                action.Complete(MinDate(due, today));
            }

            db.AgreedActions.Add(action);
            await db.SaveChangesAsync(ct);
        }

        private void RecordAll(Meeting meeting, Meeting? other, params string[] present)
        {
            foreach (var key in present)
            {
                meeting.RecordAttendance(Person(key), AttendanceKind.Present);
                other?.RecordAttendance(Person(key), AttendanceKind.Present);
            }
        }

        private static DateOnly MinDate(DateOnly a, DateOnly b) => a < b ? a : b;

        private static DateOnly NextWeekday(DateOnly from, DayOfWeek day) => from.AddDays(((int)day - (int)from.DayOfWeek + 7) % 7);
    }
}
