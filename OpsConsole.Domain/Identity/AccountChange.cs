namespace OpsConsole.Domain.Identity;

/// <summary>The changes that can take away someone's power to administer the console.</summary>
public enum AccountChange
{
    Disable,
    RemoveAdminRole,
}
