namespace Portal.Features.Imports;

/// <summary>The import's and the new Excel downloads' services, called once from <c>PortalServices</c>.</summary>
public static class ImportServices
{
    public static IServiceCollection AddImportsAndExcel(this IServiceCollection services)
    {
        services.AddScoped<ImportService>();
        services.AddScoped<Portal.Features.Meetings.Bodies.BodyMeetingsExportService>();
        return services;
    }
}
