using Portal.Features.Admin.Outbox; // the administrators' outbox page lives with the other admin pages; its service is registered here
using Portal.Features.Notifications.Chasers;
using Portal.Features.Notifications.Distribution;
using Portal.Features.Notifications.Inbox;
using Portal.Features.Notifications.Mail;
using Portal.Features.Notifications.Outbox;
using Portal.Features.Notifications.Preferences;

namespace Portal.Features.Notifications;

/// <summary>Notifications' services: the writer the features call, the mail, the one sender, the list, preferences and the administrators' outbox.</summary>
public static class NotificationServices
{
    public static IServiceCollection AddPortalNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        services.AddSingleton<ConfiguredMail>();
        services.AddSingleton<UnsubscribeTokens>();
        services.AddScoped<NotificationWriter>();
        services.AddScoped<MailComposer>();
        services.AddScoped<DigestWriter>();
        services.Configure<ChaserOptions>(configuration.GetSection(ChaserOptions.Section));
        services.AddScoped<ActionChaser>();
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        services.AddScoped<InboxService>();
        services.AddScoped<PreferenceService>();
        services.AddScoped<OutboxAdminService>();
        services.AddSingleton<DistributionTokens>();
        services.AddScoped<DistributionService>();
        services.AddScoped<NotesNotifier>();
        services.AddScoped<IndicatorChaser>();
        services.AddScoped<DirectorSummary>();
        services.AddScoped<SummaryLines>();
        return services;
    }
}
