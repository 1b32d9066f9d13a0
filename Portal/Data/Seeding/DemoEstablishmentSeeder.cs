using Portal.Domain.Establishment;
using Portal.Domain.Organisation;

namespace Portal.Data.Seeding;

/// <summary>
/// The English demo's strategic management team, as in Carlisle's report CE 21/09 (Employment
/// Panel, 25 August 2009): the Town Clerk and Chief Executive, two Strategic Directors (one
/// designated Deputy Chief Executive, on the higher band) and six Assistant Directors, the
/// Assistant Director (Resources) as Section 151 Officer and (Governance) as Monitoring Officer,
/// with the report's job descriptions and person specifications. The structure was approved by
/// full Council on 14 July 2009; appointments follow; two posts are being recruited to, one
/// internally first as in "Direction of Travel".
/// </summary>
internal static class DemoEstablishmentSeeder
{
    private static readonly DateOnly Approved = new(2009, 7, 14);
    private static readonly DateOnly Appointed = new(2009, 10, 1);

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

    /// <summary>Seeds the team into the demo's units and people; returns the posts by number.</summary>
    public static async Task<IReadOnlyDictionary<string, Post>> SeedAsync(
        PortalDbContext db, IReadOnlyDictionary<string, OrganisationUnit> units, IReadOnlyDictionary<string, Person> people, DateOnly today, CancellationToken ct)
    {
        db.EstablishmentSettings.Add(EstablishmentSettings.CreateDefault());
        var chief = Grade.Create("Chief Executive (demo band)", 95_000m, 105_000m);
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

        community.SetRecruitment(RecruitmentStatus.RingFencedInternal, today.AddDays(-10), today.AddDays(11), null);
        economy.SetRecruitment(RecruitmentStatus.External, today.AddDays(-30), today.AddDays(-2), null);

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

        foreach (var competency in new[]
        {
            "Strong, dynamic and inspirational leadership: projects an imaginative view of the future and gives strategic direction that unites the team",
            "Strategic focus: develops strategic responses to national and local issues, so the Council leads rather than reacts",
            "Corporate governance: ensures compliance with the Council's procedures and its legal and ethical frameworks",
            "Political effectiveness: manages the interface between councillors and officers to support democratic decision making",
            "Change management: leads significant change programmes, challenging current practice and encouraging innovation",
        })
        {
            post.AddCriterion("Essential competencies", competency, true, "Application form and selection process");
        }
    }

    private static void AssistantSpecification(Post post, bool qualified)
    {
        post.AddCriterion("Qualifications and knowledge", "Educated to degree level or equivalent", true, "Application form");
        post.AddCriterion("Qualifications and knowledge", "A track record of commitment to continuing professional development", true, "Application form and selection process");
        if (qualified)
        {
            post.AddCriterion("Qualifications and knowledge", "The appropriate and relevant professional qualification and experience for the statutory role", true, "Application form and selection process");
        }

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

        foreach (var competency in new[]
        {
            "Leadership: inspires and motivates others towards a shared vision; drives improvement through performance management",
            "Managing and developing people: promotes high standards of performance and conduct",
            "Change orientation: drives and leads change, and is open to new approaches",
            "Customer and community focus: understands and meets the needs of customers and local communities",
            "Political effectiveness: maintains effective relationships with political stakeholders",
        })
        {
            post.AddCriterion("Competence", competency, true, "Application form and selection process");
        }
    }
}
