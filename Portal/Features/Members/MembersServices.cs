using Portal.Features.Members.Councillors;
using Portal.Features.Members.Keeping;
using Portal.Features.Members.MakeUp;
using Portal.Features.Members.Photos;
using Portal.Features.Members.Register;

namespace Portal.Features.Members;

/// <summary>The councillors' record: their pages, photos, register of interests and the bodies' make-up.</summary>
public static class MembersServices
{
    public static IServiceCollection AddMembers(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MembersOptions>(configuration.GetSection(MembersOptions.Section));
        services.AddScoped<CouncillorService>();
        services.AddScoped<PhotoService>();
        services.AddScoped<InterestService>();
        services.AddScoped<InterestReminder>();
        services.AddScoped<MakeUpService>();
        services.AddScoped<PartyWardService>();
        services.AddScoped<CouncillorRecordService>();
        return services;
    }
}
