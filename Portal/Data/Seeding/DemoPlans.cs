using Portal.Domain.Plans;

namespace Portal.Data.Seeding;

/// <summary>
/// The demo plans. The English one follows the City of York Chief Executive's Directorate Plan
/// 2008-2011 (priorities with a small number of key actions and indicators each, risks reviewed
/// by senior managers, revised annually), re-dated so that its third year is this year.
/// </summary>
internal static class DemoPlans
{
    public static readonly DemoPlan English = new(
        "cex",
        "Chief Executive's Directorate Plan",
        "Sets out the Directorate's priorities for the medium term and how it contributes to the council's corporate strategy. "
            + "Revised annually. Demo data adapted from the City of York Chief Executive's Directorate Plan 2008-2011, moved so that its third year is this year.",
        PlanCalendar.FinancialYear,
        YearsBefore: 2,
        YearsAfter: 0,
        ApproverKey: "heather",
        [
            new("direction", "Lead the council's strategic direction", "Keep the corporate strategy, the directorate plans and the service plans joined up, so every team can see how its work serves the city."),
            new("performance", "Improve performance and value for money", "Know how every service is doing, act early where it is slipping, and report honestly to members and the public."),
            new("people", "Develop our people", "Make the council a place where staff are appraised, trained and well, and where managers plan the workforce they need."),
            new("democracy", "Strengthen local democracy", "Support councillors and the public to take part in decisions: clear papers, published on time, in meetings people can follow."),
        ],
        [
            new("direction", -2, "Agree the council's planning framework", "One framework from appraisals to the community strategy.", "heather", "cs", 0, 0, ActionStatus.Completed, 100, "Framework agreed by the Executive."),
            new("people", -2, "Launch the new appraisal scheme", null, "tom", "hr", 0, 0, ActionStatus.Completed, 100, "All directorates using the new forms."),
            new("democracy", -2, "Move committee papers online", null, "grace", "comm", 0, 0, ActionStatus.Cancelled, 20, "Replaced by the modern.gov procurement."),
            new("performance", -1, "Introduce quarterly performance clinics", "Directors review indicators off target with their service heads.", "barbara", "perf", 0, 0, ActionStatus.Completed, 100, "Clinics running in every directorate."),
            new("people", -1, "Agree a workforce development plan", "Covering skills, succession and recruitment for every directorate.", "tom", "hr", -400, 45, ActionStatus.AtRisk, 60, "Waiting on data from two directorates.", [new("Skills audit complete", -380, true), new("Plan drafted", 30, false)]),
            new("direction", 0, "Publish the refreshed corporate strategy", "Refresh the priorities and values with members, and publish them.", "heather", "cs", -240, -21, ActionStatus.OnTrack, 85, "Final draft with the Leader.",
                [new("Member workshops held", -150, true), new("Draft to Executive", -60, true)]),
            new("direction", 0, "Agree service plans for every service", "Every service plan shows the directorate priority it serves.", "barbara", "perf", -200, 90, ActionStatus.OnTrack, 60, "Twelve of nineteen plans agreed.",
                [new("Template issued", -180, true), new("First drafts in", -30, true)]),
            new("direction", 0, "Run the residents' survey", "Ask residents what they think of the city and the council.", "priya", "perf", -120, 10, ActionStatus.OnTrack, 80, "Fieldwork closes next week.",
                [new("Questionnaire agreed", -90, true), new("Fieldwork closes", 7, false)]),
            new("performance", 0, "Replace the performance management system", "A single system for indicators, actions and risks across the council.", "barbara", "perf", -210, 120, ActionStatus.OffTrack, 25, "The supplier has missed two deliveries; options go to CMT next month.",
                [new("Supplier chosen", -150, true), new("Data migrated", -20, false)]),
            new("performance", 0, "Publish quarterly performance reports to the Executive", null, "priya", "perf", -230, 130, ActionStatus.OnTrack, 55, "Quarter 2 report published.",
                [new("Quarter 1 report", -140, true), new("Quarter 2 report", -50, true), new("Quarter 3 report", 40, false)]),
            new("performance", 0, "Review the council's use of data", "Find where services collect the same data twice.", "priya", "perf", -100, 100, ActionStatus.OnTrack, 10, "Started late: staff moved to the survey.",
                [new("Data inventory", -10, false)]),
            new("people", 0, "Agree a workforce development plan", "Covering skills, succession and recruitment for every directorate.", "tom", "hr", -400, 45, ActionStatus.AtRisk, 70, "Carried forward: two directorates have still to send their returns."),
            new("people", 0, "Cut sickness absence", "Managers trained to handle absence early; occupational health referrals within five days.", "tom", "hr", -230, 130, ActionStatus.OnTrack, 60, "Training reached 80% of managers."),
            new("people", 0, "Appraise every member of staff", null, "heather", "pi", -230, 13, ActionStatus.AtRisk, 70, "Appraisal rates are low in two services.",
                [new("Mid-year reminders sent", -60, true)]),
            new("democracy", 0, "Publish every agenda five clear days before the meeting", null, "grace", "comm", -230, 130, ActionStatus.OnTrack, 65, "Two late agendas this quarter, both urgent items."),
            new("democracy", 0, "Webcast full Council meetings", null, "grace", "dem", -180, -40, ActionStatus.Completed, 100, "Webcasting live since September."),
            new("democracy", 0, "Review the scrutiny arrangements", null, "grace", "dem", 20, 200, ActionStatus.NotStarted, 0, null),
            new("democracy", 0, "Pilot a petitions scheme", null, "grace", "dem", -160, 60, ActionStatus.Cancelled, 10, "Superseded by the national scheme."),
        ],
        [
            new("people", "CEX01", "Staff who had an appraisal in the last 12 months", "Staff in post for a year or more with an appraisal recorded in the last 12 months, as a share of all such staff.", MeasureUnit.Percent, Polarity.HigherIsBetter, 72m, 5m, "tom", 85m, 95m, 70m, 78m),
            new("people", "CEX02", "Working days lost to sickness per full-time employee", "Days lost in the quarter divided by the average full-time equivalent headcount.", MeasureUnit.Days, Polarity.LowerIsBetter, 2.8m, 0.3m, "tom", 2.6m, 2.2m, 2.9m, 2.4m),
            new("performance", "CEX03", "Complaints answered within 10 working days", "Stage 1 complaints answered within 10 working days, as a share of all stage 1 complaints answered.", MeasureUnit.Percent, Polarity.HigherIsBetter, 82m, 5m, "priya", 90m, 95m, 84m, 96m),
            new("performance", "CEX04", "Freedom of information requests answered within 20 working days", "Requests answered within the statutory 20 working days, as a share of all requests answered.", MeasureUnit.Percent, Polarity.HigherIsBetter, 79m, 5m, "priya", 85m, 90m, 80m, 91m, LatestApproved: false),
            new("democracy", "CEX05", "Agendas published five clear days before the meeting", "Agendas published at least five clear days before the meeting, as a share of all meetings held.", MeasureUnit.Percent, Polarity.HigherIsBetter, 94m, 5m, "grace", 100m, 100m, 92m, 97m),
            new("direction", "CEX06", "Enquiries to the customer centre", "Telephone, email and face-to-face enquiries to the customer centre. Reported for context: no direction is better.", MeasureUnit.Number, Polarity.Neutral, 12000m, 1000m, "priya", 12000m, 12000m, 11800m, 13400m),
            new("performance", "CEX07", "Cost of the Chief Executive's Directorate per resident", "Net revenue spend of the directorate divided by the mid-year population estimate.", MeasureUnit.Pounds, Polarity.LowerIsBetter, 31m, 1.5m, "barbara", 31m, 29m, 31.5m, 32.1m),
        ],
        [
            new("direction", "Corporate strategy not owned by services", "Services plan in isolation from the corporate priorities.", "Effort spreads thin; priorities are missed and inspectors find no golden thread.", "Directorate plans link every service plan to a corporate priority; CMT reviews the links each year.", "heather",
                new RiskScores(4, 4, 3, 3, 2, 2), 30, YearOffset: -2),
            new("performance", "Performance system replacement fails", "The supplier's delivery slips and data migration is incomplete.", "Indicators cannot be reported to members; decisions are made on old figures.", "Monthly supplier meetings; the old system kept until sign-off.", "barbara",
                new RiskScores(5, 4, 4, 4, 2, 3), 10),
            new("people", "Loss of key staff", "Pay and grading lag neighbouring councils; several senior officers near retirement.", "Delivery of the plan slows; knowledge leaves with people.", "Succession plans for senior posts; exit interviews.", "tom",
                new RiskScores(4, 5, 4, 4, 3, 3), 45, YearOffset: -1),
            new("democracy", "Decisions challenged for procedural error", "A key decision is taken without proper notice or with late papers.", "Judicial review; decisions quashed; damage to reputation.", "Forward plan checked weekly; legal sign-off on every key decision report.", "grace",
                new RiskScores(3, 5, 2, 4, 1, 4), 5),
            new("people", "Sickness absence stays high", "Stress-related absence is rising.", "Services stretched; overtime costs grow.", "Manager training; occupational health referral within five days.", "tom",
                new RiskScores(4, 3, 3, 3, 2, 2), 60, YearOffset: -2),
            new("performance", "Data breach", "Personal data is sent to the wrong person or kept too long.", "Harm to residents, fines from the regulator.", "Mandatory training; secure email; retention schedule.", "barbara",
                new RiskScores(3, 5, 2, 3, 1, 3), 90),
            new(null, "Office move disrupts services", "The move to the new headquarters.", "Lost days and lost files.", "Move plan agreed; IT tested in advance.", "heather",
                new RiskScores(3, 3, 2, 2, 1, 1), -200, YearOffset: -2, Closed: true),
        ]);

    public static readonly DemoPlan Swedish = new(
        "klf",
        "Verksamhetsplan för Kommunledningsförvaltningen",
        "Förvaltningens prioriteringar för mandatperioden och hur de bidrar till kommunens mål. Revideras varje år.",
        PlanCalendar.CalendarYear,
        YearsBefore: 2,
        YearsAfter: 1,
        ApproverKey: "kc",
        [
            new("styrning", "Samlad styrning och uppföljning", "Kommunens mål ska synas i varje förvaltnings verksamhetsplan och följas upp varje kvartal."),
            new("medarbetare", "Attraktiv arbetsgivare", "Kommunen ska kunna rekrytera och behålla medarbetare med rätt kompetens."),
            new("service", "Tillgänglig service", "Invånare ska få snabba och tydliga svar, oavsett hur de kontaktar kommunen."),
        ],
        [
            new("styrning", -1, "Införa ny modell för mål- och resultatstyrning", null, "klc", "kansli", 0, 0, ActionStatus.Completed, 100, "Modellen beslutad av kommunfullmäktige."),
            new("styrning", 0, "Ta fram verksamhetsplaner för alla förvaltningar", "Varje verksamhetsplan kopplas till kommunens mål.", "klc", "kansli", -300, -14, ActionStatus.OnTrack, 90, "Två förvaltningar återstår."),
            new("styrning", 0, "Kvartalsvis uppföljning till kommunstyrelsen", null, "klc", "kansli", -300, 35, ActionStatus.OnTrack, 75, "Tertialrapport 2 lämnad.",
                [new("Tertialrapport 1", -180, true), new("Tertialrapport 2", -60, true)]),
            new("medarbetare", 0, "Ta fram en kompetensförsörjningsplan", null, "pc", "personal", -250, 60, ActionStatus.AtRisk, 40, "Underlag saknas från två förvaltningar.",
                [new("Kartläggning klar", -30, false)]),
            new("medarbetare", 0, "Sänka sjukfrånvaron", null, "pc", "personal", -300, 35, ActionStatus.OffTrack, 30, "Sjukfrånvaron ökar under hösten."),
            new("service", 0, "Öppna ett kontaktcenter", "En väg in för alla frågor till kommunen.", "ks", "komm", -200, 10, ActionStatus.OnTrack, 85, "Rekrytering klar, öppnar i december."),
            new("service", 0, "Ny webbplats", null, "ks", "komm", -300, -60, ActionStatus.Completed, 100, "Lanserad i september."),
            new("service", 0, "Digital anslagstavla", null, "ks", "komm", 30, 200, ActionStatus.NotStarted, 0, null),
        ],
        [
            new("medarbetare", "KLF01", "Sjukfrånvaro", "Sjukfrånvaro i procent av ordinarie arbetstid.", MeasureUnit.Percent, Polarity.LowerIsBetter, 6.5m, 0.5m, "pc", 6.0m, 5.5m, 6.4m, 6.9m),
            new("medarbetare", "KLF02", "Medarbetare med genomfört medarbetarsamtal", "Andel tillsvidareanställda med dokumenterat medarbetarsamtal de senaste tolv månaderna.", MeasureUnit.Percent, Polarity.HigherIsBetter, 80m, 5m, "pc", 90m, 95m, 82m, 91m),
            new("service", "KLF03", "Svar på e-post inom två arbetsdagar", "Andel e-postfrågor till kommunen som besvaras inom två arbetsdagar.", MeasureUnit.Percent, Polarity.HigherIsBetter, 70m, 5m, "ks", 80m, 90m, 72m, 91m),
            new("service", "KLF04", "Samtal till växeln", "Antal samtal till kommunens växel. Redovisas som bakgrund.", MeasureUnit.Number, Polarity.Neutral, 9000m, 800m, "ks", 9000m, 9000m, 9200m, 8700m),
        ],
        [
            new("styrning", "Målen får inte genomslag", "Förvaltningarna planerar var för sig.", "Resurser används inte där de behövs mest.", "Gemensam mall för verksamhetsplaner; uppföljning i KLG.", "klc",
                new RiskScores(4, 4, 3, 3, 2, 2), 20, YearOffset: -1),
            new("medarbetare", "Svårt att rekrytera nyckelkompetens", "Konkurrens från större kommuner i regionen.", "Verksamheten försenas.", "Kompetensförsörjningsplan; samarbete med lärosäten.", "pc",
                new RiskScores(5, 4, 4, 4, 3, 3), 30),
            new("service", "Kontaktcentret öppnar för sent", "Rekrytering och IT-stöd försenas.", "Invånare får vänta på svar.", "Veckovis uppföljning av projektplanen.", "ks",
                new RiskScores(3, 3, 2, 3, 1, 2), 7),
        ]);
}
