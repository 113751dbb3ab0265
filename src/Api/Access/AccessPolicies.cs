namespace StepOrders.Api.Access;

/// <summary>Authorization policy names: every route needs a key (the fallback policy); <see cref="Admin"/> routes need an admin key.</summary>
public static class AccessPolicies
{
    public const string Admin = "admin";
}
