namespace Portal.Infrastructure;

/// <summary>The services of votes, officer and executive member decisions, call-in and key decision notices.</summary>
public static class DecisionMakingServices
{
    public static IServiceCollection AddDecisionMaking(this IServiceCollection services)
    {
        services.AddScoped<Portal.Features.Meetings.Votes.VoteService>();
        services.AddScoped<Portal.Features.Reports.OfficerDecisions.OfficerDecisionService>();
        services.AddScoped<Portal.Features.Reports.OfficerDecisions.CallInService>();
        services.AddScoped<Portal.Features.Reports.MeetingCallIn.MeetingCallInService>();
        services.AddScoped<Portal.Features.Reports.ForwardPlan.KeyDecisionNoticeService>();
        return services;
    }
}
