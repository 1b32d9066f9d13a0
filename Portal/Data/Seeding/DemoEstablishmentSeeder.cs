using Portal.Domain.Establishment;
using Portal.Domain.Organisation;

namespace Portal.Data.Seeding;

/// <summary>
/// The English demo's strategic management team, as in Carlisle's report CE 21/09 (Employment
/// Panel, 25 August 2009): the Town Clerk and Chief Executive, two Strategic Directors (one
/// designated Deputy Chief Executive, on the higher band) and six Assistant Directors, the
/// Assistant Director (Resources) as Section 151 Officer and (Governance) as Monitoring Officer,
/// with the report's job descriptions and person specifications. The structure was approved by
/// full Council on 14 July 2009; appointments follow. The two vacant Assistant Director posts
/// are open to internal candidates first, as "Direction of Travel" says every new Assistant
/// Director post is. CE 21/09 gives no band for the Town Clerk and Chief Executive: the demo's
/// is an assumption and its grade says so.
/// </summary>
internal static class DemoEstablishmentSeeder
{
    private static readonly DateOnly Approved = new(2009, 7, 14);
    private static readonly DateOnly Appointed = new(2009, 10, 1);

    /// <summary>CE 21/09 sets out the bands of the two Strategic Directors and six Assistant Directors only.</summary>
    public const string AssumedChiefExecutiveGrade = "Chief Executive (band assumed for the demo: CE 21/09 gives none)";

    private const string DirectorPurpose = "To play a leading role in developing and achieving transformation and cultural change in the delivery and continuous improvement of services to all the communities across the district.";

    private const string DirectorAccountabilities = """
        1. To support the Chief Executive in the corporate and strategic leadership of the Council as a member of the Strategic Management Team.
        2. To work in partnership with the Chief Executive and Elected Members to provide corporate leadership, vision and strategic leadership of the Council, encourage joined up working across the Council and lead by example.
        3. To work with the Town Clerk & Chief Executive and Elected Members to develop and maintain a strategic vision and key priorities for the Council and to determine the Council's contribution to the Community Strategy, together with sub-regional and regional strategies.
        4. To develop and implement appropriate strategies, policies and plans to ensure that the Council achieves its vision and priorities.
        5. To have a strategic overview of a range of Directorates to be determined, from time to time, by the Town Clerk & Chief Executive.
        6. To develop close and effective working relationships with the Executive, Portfolio Holders, the Overview & Scrutiny Panels, other Committees and the political group leaders.
        7. To promote a positive organisational culture and values, encourage innovation, creativity and best practice across the Council and recognise and celebrate success.
        8. To ensure that all staff are valued, their potential is maximised, and promote diversity and equality of opportunity and eliminate silo thinking.
        9. To lead and support the Assistant Directors and to work with them in identifying and developing cross-cutting initiatives across all services.
        10. To take a lead role on particular projects and issues of significance to the Council.
        11. To ensure that internal and external communications are consistent and effectively managed.
        12. To represent the Council, act as an advocate and ambassador in all external relationships and work closely with all partners.
        13. To demonstrate a high commitment to customer care, taking lead responsibility in the respective Directorate to ensure complaints are dealt with systematically and used to drive improvement.
        """;

    private const string DeputyExtra = """


        As **Deputy Chief Executive**, in addition:

        - deputising for the Town Clerk & Chief Executive;
        - deputising when necessary in the civic responsibilities of the Town Clerk's role.
        """;

    private const string DirectorResults = """
        - Ensuring high quality service provision
        - Ensuring significant efficiency savings
        - Providing leadership and leading by example
        - Managing performance
        """;

    private const string AssistantPurpose = "To support the Chief Executive and the two Strategic Directors in the corporate and strategic management of the Council.";

    private const string AssistantAccountabilities = """
        1. To contribute to the corporate leadership, vision and strategic direction of the Council, encourage joined up working across the Council and lead by example.
        2. To help develop and implement appropriate strategies, policies and plans to ensure that the Council achieves its vision and priorities.
        3. To hold specific responsibilities for a range of services and functions assigned to this post.
        4. To lead, develop and manage a range of services in the allocated Directorate and support Service Managers to ensure the Council's priorities are delivered.
        5. To hold specific responsibility for the financial control of the services within the remit of the post holder.
        6. To embed a performance management culture and drive the continuous improvement of services.
        7. To take lead responsibility from time to time for key projects or cross-cutting issues, work on a corporate basis and, where appropriate, with partner organisations.
        8. To exercise visible leadership, direction and control of the workforce, ensuring good internal communications and a positive and safe environment.
        9. To deliver innovative and cost effective ways of delivering services, including sharing services with other organisations where appropriate.
        10. To promote a positive organisational culture and values, encourage innovation, creativity and best practice and recognise and celebrate success.
        11. To ensure that staff are valued and their potential is maximised, and promote diversity and equality of opportunity.
        12. To work actively with local communities, stakeholders and partners to sustain and enhance the quality of life.
        13. To represent the Council and act as an advocate and ambassador in all external relationships.
        14. To demonstrate a high commitment to customer care and use complaints to drive improvement.
        15. To assess, investigate and deal with complaints.
        """;

    private const string AssistantResults = """
        - Ensuring high quality service provision for local communities
        - Ensuring significant efficiency savings
        - Managing and improving performance
        - Providing leadership and leading by example
        """;

    /// <summary>The Strategic Directors' essential competencies, under every heading CE 21/09 gives them (all measured via application form and selection process).</summary>
    private static readonly (string Heading, string[] Criteria)[] DirectorCompetencies =
    [
        ("Strong, dynamic and inspirational leadership",
        [
            "Projects an imaginative view of the future and provides strategic direction that unites the team",
            "Works with and values people at all levels",
            "Works effectively in a complex multi-disciplinary environment, coping with changing priorities and pressures",
            "Takes a logical, structured and innovative approach to policy development and problem solving",
            "Champions corporate working and initiatives",
            "Politically sensitive and aware",
            "Embraces and manages change sensitively and skilfully",
            "Thinks and acts strategically",
            "Promotes and demonstrates teamwork",
            "Manages difficult and potentially high risk issues",
            "Leads by example and reflects the Council's values",
            "Adopts a range of leadership styles appropriate to the situation",
            "Provides leadership and vision in a wider community context, so that the Council fulfils its role as community leader",
        ]),
        ("Strategic focus",
        [
            "In-depth knowledge and understanding of local government, including the key issues and challenges facing it",
            "Develops strategic responses to national and local issues, so that the Council leads rather than reacts to events",
            "Works with others to develop the Council's strategic vision and priorities, including its contribution to the Community Strategy",
            "Deals with competing and conflicting priorities",
            "Communicates the vision and priorities to all staff, helping them to focus on how they can contribute",
            "Aligns day to day activities with the strategic vision and priorities of the Council",
            "Makes effective linkages between Council strategies and other statutory and local plans",
            "Takes a long-term strategic perspective, focusing on the bigger picture rather than day to day operational detail",
            "Thinks and acts strategically as part of a team",
        ]),
        ("Corporate governance",
        [
            "Ensures compliance with the Council's procedures and processes and its legal and ethical frameworks",
            "Demonstrates commitment to the Council's efficiency drive",
            "Demonstrates commitment to the Council's vision and priorities",
            "Makes decisions based on principles of sound risk management",
            "Demonstrates and promotes a positive commitment to the Council's values",
        ]),
        ("Political effectiveness",
        [
            "Manages the interface between elected councillors and officers to support the democratic processes and aid effective decision making",
            "Maintains successful working relationships with elected councillors, building trust and confidence",
            "Demonstrates political sensitivity and awareness",
            "Provides effective and timely information and advice to elected councillors on policy options and professional matters",
            "Engages councillors in the work of the Council and its partners to realise the strategic vision and priorities",
            "Works with councillors to facilitate their development",
            "Maintains effective relationships with regional and central government",
        ]),
        ("Policy and resource management",
        [
            "Makes best use of people, money, buildings and technology to meet statutory requirements and deliver Council and community priorities",
            "Promotes an organisational culture which values, empowers, informs and develops staff at all levels",
            "Proactively involves and consults staff",
            "Manages and delegates effectively, demonstrating trust in staff",
            "Facilitates joined up working across the Council to achieve corporate priorities",
            "Supports and empowers staff to achieve their full potential through training, development and other opportunities",
            "Is committed to diversity and equality of opportunity",
            "Values staff contributions and recognises achievement",
            "Confronts poor performance and deals with complex employee issues",
            "Sound financial management skills and the ability to drive down costs while maintaining excellent services to local communities",
        ]),
        ("Customer and community focus",
        [
            "Strong commitment to quality, customer-focused services",
            "Proactively engages the community in decision-making and consults regularly to seek customer feedback",
            "Works in partnership with the Local Strategic Partnership and other community representatives so that the community's views shape services",
            "Is committed to improving customers' access to services, using the latest available media",
            "Takes account of social inclusion, diversity and equality issues in planning and delivering services",
        ]),
        ("Performance management",
        [
            "Develops and embeds a performance culture throughout the organisation, focused on continuous improvement, service excellence and innovation",
            "Supports Assistant Directors to translate strategic vision and priorities into service plans with clear quality standards and performance targets",
            "Recognises achievement and celebrates success; takes action to address poorly performing services",
            "Encourages staff to challenge working practices and seek out best practice to inform service improvement",
        ]),
        ("Change management",
        [
            "Leads significant change programmes, challenging current practices and encouraging innovation and creativity, to deliver cost effective services",
            "Uses effective project and programme management skills to plan, deliver and monitor change",
            "Maintains the momentum of change programmes to ensure delivery and sustainability",
            "Recognises how change affects individuals, teams and organisations and supports others to implement change",
            "Deals effectively with risk, uncertainty and complexity in change situations",
        ]),
        ("Communication",
        [
            "Promotes a culture of openness and understanding",
            "Understands the importance of clear and consistent internal and external communications and uses them effectively",
            "Takes a systematic approach to communicating with staff on a regular basis",
            "Has a clear vision of the way forward and communicates it effectively within and outside the organisation",
            "Ensures two way communication upward and downward across the organisation",
            "Communicates contentious and sensitive issues professionally and handles crisis management",
            "Makes effective use of the press and media to market the authority and raise its profile",
        ]),
        ("Partnership working",
        [
            "Develops and facilitates effective partnerships and external relationships to achieve Council and community priorities",
            "Acts as a key link between partners to ensure effective communication and joined up working",
            "Works with partners to maximise available funding to support local priorities",
        ]),
        ("Personal qualities",
        [
            "Excellent interpersonal skills, with the ability to influence key decision makers internally and externally",
            "Works positively in an environment of uncertainty and continual change",
            "High level communication skills",
            "Drive, flair, creativity, innovation and flexibility",
            "Willingness to embrace change",
            "Determination and resilience",
            "Open, accessible and supportive style",
            "Remains calm and decisive under pressure",
            "High levels of probity and integrity",
        ]),
    ];

    /// <summary>The Assistant Directors' essential competences, under every heading CE 21/09 gives them.</summary>
    private static readonly (string Heading, string[] Criteria)[] AssistantCompetencies =
    [
        ("Leadership",
        [
            "Inspires and motivates others towards a shared vision",
            "Drives improvement through performance management",
            "Manages and empowers others",
            "Politically sensitive and aware",
            "Embraces and manages change sensitively and skilfully",
            "Thinks and acts strategically",
            "Promotes and demonstrates teamwork",
        ]),
        ("Manage and develop people",
        [
            "Promotes high standards of performance and conduct",
            "Encourages development and the realisation of potential",
            "Promotes best working practice",
            "Uses appropriate appraisal systems backed up by training and development so that staff are supported to achieve their potential",
            "Encourages staff to challenge working practices and seek out best practice to inform service improvement",
        ]),
        ("Change orientation and management",
        [
            "Drives and leads change",
            "Promotes an environment receptive to change",
            "Is open to change and new approaches",
        ]),
        ("Work collaboratively",
        [
            "Develops and works collaboratively",
            "Builds an effective team",
            "Is an effective team player",
        ]),
        ("Customer and community focus",
        [
            "Develops the customer focused organisation",
            "Understands and meets the needs of customers and local communities",
            "Improves customer service",
        ]),
        ("Personal effectiveness and development",
        [
            "Strives for achievement, taking responsibility for improving results",
            "Understands the impact of own behaviour upon others and responds accordingly",
            "Manages and develops own capabilities",
        ]),
        ("Personal qualities",
        [
            "Excellent analytical skills",
            "Exceptional creative and innovation skills",
            "Inspirational communicator and networker",
            "Thorough understanding of the modernisation agenda for public services",
            "Persuades and influences",
            "Self aware and takes action to develop",
            "Decisive and takes appropriate risks",
            "Commercially aware",
        ]),
        ("Communication",
        [
            "Promotes a culture of openness and understanding",
            "Communicates effectively",
            "Keeps others informed",
        ]),
        ("Strategic thinking",
        [
            "Takes a long term strategic perspective",
            "Develops and recommends policy",
            "Aligns day to day activities to strategic goals",
        ]),
        ("Planning and organisation",
        [
            "Plans and implements programmes of work",
            "Manages information",
            "Organises effectively",
        ]),
        ("Analytical thinking and decision making",
        [
            "Identifies, analyses and establishes patterns in data",
            "Assesses and manages risk",
            "Takes decisions",
        ]),
        ("Innovation and creativity",
        [
            "Promotes creativity",
            "Develops innovative approaches",
            "Develops new business opportunities",
        ]),
        ("Political effectiveness",
        [
            "Demonstrates an understanding of the national and local political scene",
            "Evaluates the impact of political direction",
            "Maintains effective relationships with political stakeholders",
        ]),
    ];

    /// <summary>Seeds the team into the demo's units and people; returns the posts by number.</summary>
    public static async Task<IReadOnlyDictionary<string, Post>> SeedAsync(
        PortalDbContext db, IReadOnlyDictionary<string, OrganisationUnit> units, IReadOnlyDictionary<string, Person> people, DateOnly today, CancellationToken ct)
    {
        db.EstablishmentSettings.Add(EstablishmentSettings.CreateDefault());
        var chief = Grade.Create(AssumedChiefExecutiveGrade, 95_000m, 105_000m);
        var deputy = Grade.Create("JNC for Chief Officers: Deputy Chief Executive", 74_545m, 82_000m);
        var director = Grade.Create("JNC for Chief Officers: Strategic Director", 65_454m, 72_000m);
        var assistant = Grade.Create("JNC for Chief Officers: Assistant Director", 52_500m, 58_000m);
        db.Grades.AddRange(chief, deputy, director, assistant);
        await db.SaveChangesAsync(ct);

        var posts = new Dictionary<string, Post>(StringComparer.Ordinal);
        var lines = new List<PostReporting>();
        var holdings = new List<PostHolding>();
        var designations = new List<StatutoryDesignation>();

        async Task<Post> PostAsync(string number, string title, string unit, Grade grade, string? above, string? holder, bool acting = false)
        {
            var post = Post.Establish(number, title, units[unit].Id, grade.Id, 1m, Approved);
            db.Posts.Add(post);
            await db.SaveChangesAsync(ct);
            var line = Structure.ChangeReporting(lines, post.Id, above is null ? null : posts[above].Id, Approved);
            db.PostReportingLines.Add(line!);
            if (holder is not null)
            {
                db.PostHoldings.Add(Structure.Appoint(holdings, post, people[holder].Id, acting, number == "CE-001" ? Approved : Appointed));
            }

            posts[number] = post;
            return post;
        }

        var ce = await PostAsync("CE-001", "Town Clerk and Chief Executive", "cex", chief, null, "ceo");
        ce.DescribeJob("To lead the Council as its Head of Paid Service, with the Strategic Management Team.", null, DirectorResults);

        var dce = await PostAsync("SD-001", "Strategic Director (Deputy Chief Executive)", "res", deputy, "CE-001", "dir-res");
        dce.DescribeJob(DirectorPurpose, DirectorAccountabilities + DeputyExtra, DirectorResults);
        var sd = await PostAsync("SD-002", "Strategic Director", "cex", director, "CE-001", "heather");
        sd.DescribeJob(DirectorPurpose, DirectorAccountabilities, DirectorResults);
        foreach (var post in new[] { dce, sd })
        {
            DirectorSpecification(post);
        }

        var resources = await PostAsync("AD-001", "Assistant Director (Resources)", "fin", assistant, "SD-001", "s151");
        var governance = await PostAsync("AD-002", "Assistant Director (Governance)", "legal", assistant, "SD-001", "mo");
        var people_ = await PostAsync("AD-003", "Assistant Director (People, Policy and Performance)", "pi", assistant, "SD-002", "tom");
        var community = await PostAsync("AD-004", "Assistant Director (Community Services)", "cs", assistant, "SD-002", null);
        var economy = await PostAsync("AD-005", "Assistant Director (Economic Development)", "cs", assistant, "SD-002", null);
        var local = await PostAsync("AD-006", "Assistant Director (Local Environment)", "dem", assistant, "SD-002", "barbara", acting: true);
        foreach (var post in new[] { resources, governance, people_, community, economy, local })
        {
            post.DescribeJob(AssistantPurpose, AssistantAccountabilities, AssistantResults);
            AssistantSpecification(post, qualified: post == resources || post == governance);
        }

        // "Direction of Travel": the new Assistant Director posts are opened to internal candidates only, first.
        community.SetRecruitment(RecruitmentStatus.RingFencedInternal, today.AddDays(-10), today.AddDays(11), null);
        economy.SetRecruitment(RecruitmentStatus.RingFencedInternal, today.AddDays(-30), today.AddDays(-2), null);

        // Economic Development moved under the Deputy Chief Executive from April 2024: the earlier line is kept.
        var moved = Structure.ChangeReporting(lines, economy.Id, dce.Id, new DateOnly(2024, 4, 1));
        db.PostReportingLines.Add(moved!);

        db.StatutoryDesignations.Add(Structure.Designate(designations, StatutoryRole.HeadOfPaidService, ce.Id, Approved));
        db.StatutoryDesignations.Add(Structure.Designate(designations, StatutoryRole.DeputyChiefExecutive, dce.Id, Approved));
        db.StatutoryDesignations.Add(Structure.Designate(designations, StatutoryRole.Section151Officer, resources.Id, Approved));
        db.StatutoryDesignations.Add(Structure.Designate(designations, StatutoryRole.MonitoringOfficer, governance.Id, Approved));
        await db.SaveChangesAsync(ct);
        return posts;
    }

    /// <summary>
    /// The Swedish demo's posts: every seat in Nybro's KLG is a post (document 004 lists the
    /// members by post), so a seat follows whoever holds it. The document gives no salaries: the
    /// bands are assumptions and their names say so.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, Post>> SeedSwedishAsync(
        PortalDbContext db, IReadOnlyDictionary<string, OrganisationUnit> units, IReadOnlyDictionary<string, Person> people, CancellationToken ct)
    {
        var from = new DateOnly(2017, 9, 4);
        var chief = Grade.Create("Kommunchef (lönespann antaget för demon)", 900_000m, 990_000m);
        var head = Grade.Create("Förvaltningschef och vd (lönespann antaget för demon)", 720_000m, 840_000m);
        var specialist = Grade.Create("Chef och strateg (lönespann antaget för demon)", 540_000m, 660_000m);
        db.Grades.AddRange(chief, head, specialist);
        await db.SaveChangesAsync(ct);

        var posts = new Dictionary<string, Post>(StringComparer.Ordinal);
        var lines = new List<PostReporting>();
        var holdings = new List<PostHolding>();
        foreach (var (number, title, unit, grade, above, holder) in new (string, string, string, Grade, string?, string)[]
        {
            ("KC-001", "Kommunchef och koncernchef", "klf", chief, null, "kc"),
            ("KLF-001", "Kommunledningschef", "klf", head, "KC-001", "klc"),
            ("SOC-001", "Socialchef", "soc", head, "KC-001", "socc"),
            ("BUF-001", "Skolchef", "skola", head, "KC-001", "skc"),
            ("OMF-001", "Omsorgschef", "omsorg", head, "KC-001", "omc"),
            ("SBF-001", "Samhällsbyggnadschef", "sbf", head, "KC-001", "sbc"),
            ("KLF-002", "Personalchef", "personal", specialist, "KLF-001", "pc"),
            ("KLF-003", "Kommunikationsstrateg", "komm", specialist, "KLF-001", "ks"),
            ("NEAB-001", "Vd Nybro Energi AB", "energi", head, "KC-001", "vd-energi"),
            ("NBAB-001", "Vd Nybro Bostad AB/AB Nybro Brunn", "bostad", head, "KC-001", "vd-bostad"),
        })
        {
            var post = Post.Establish(number, title, units[unit].Id, grade.Id, 1m, from);
            db.Posts.Add(post);
            await db.SaveChangesAsync(ct);
            db.PostReportingLines.Add(Structure.ChangeReporting(lines, post.Id, above is null ? null : posts[above].Id, from)!);
            db.PostHoldings.Add(Structure.Appoint(holdings, post, people[holder].Id, false, from));
            posts[number] = post;
        }

        await db.SaveChangesAsync(ct);
        return posts;
    }

    private static void DirectorSpecification(Post post)
    {
        post.AddCriterion("Qualifications and knowledge", "Educated to degree level or equivalent", true, "Application form");
        post.AddCriterion("Qualifications and knowledge", "A track record of commitment to continuing professional development", true, "Application form and selection process");
        foreach (var experience in new[]
        {
            "At least 3 years' experience at senior manager level of team or service management, including managing people from different professional and personal backgrounds",
            "Considerable experience of using performance management tools to deliver service excellence",
            "Extensive experience of project leadership in cross-cutting areas, with a track record of successful delivery",
            "Significant experience of leading major change initiatives with a track record of successful delivery",
            "At least 3 years' experience in local government or a similar sector, dealing with complex political and community issues",
            "At least 3 years' experience of managing in a political environment",
            "Extensive experience of leading on partnerships and collaborative working",
        })
        {
            post.AddCriterion("Technical expertise and experience", experience, true, "Application form and selection process");
        }

        foreach (var (heading, criteria) in DirectorCompetencies)
        {
            foreach (var criterion in criteria)
            {
                post.AddCriterion(heading, criterion, true, "Application form and selection process");
            }
        }
    }

    private static void AssistantSpecification(Post post, bool qualified)
    {
        post.AddCriterion("Qualifications and knowledge", "Educated to degree level or equivalent", true, "Application form");
        post.AddCriterion("Qualifications and knowledge", "A track record of commitment to continuing professional development", true, "Application form and selection process");

        foreach (var experience in new[]
        {
            "At least 2 years' experience at a senior level in local government or a similar complex organisation",
            "Experience of managing people from different professional and personal backgrounds",
            "Experience of using performance management tools to deliver service excellence, and a track record of improving services",
            "Experience of project leadership in cross-cutting areas, with a track record of successful delivery",
            "At least 3 years' experience of managing in a political environment",
            "At least 3 years' experience of leading change and managing relevant services",
            "Experience of leading on partnerships and collaborative working",
        })
        {
            post.AddCriterion("Technical expertise and experience", experience, true, "Application form and selection process");
        }

        foreach (var (heading, criteria) in AssistantCompetencies)
        {
            foreach (var criterion in criteria)
            {
                post.AddCriterion(heading, criterion, true, "Application form and selection process");
            }
        }

        if (qualified)
        {
            post.AddCriterion("Other required competencies", "The appropriate and relevant qualifications and/or experience for the post of Assistant Director for Resources or Governance", true, "Application form and selection process");
        }
    }
}
