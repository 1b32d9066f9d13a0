using Portal.Domain.Common;

namespace Portal.Tests.Domain.Plans;

/// <summary>Gives an entity the id the database would, for pure domain tests that refer to items by id.</summary>
internal static class Saved
{
    public static T WithId<T>(this T entity, int id)
        where T : Entity
    {
        typeof(Entity).GetProperty(nameof(Entity.Id))!.GetSetMethod(nonPublic: true)!.Invoke(entity, [id]);
        return entity;
    }
}
