using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OpsConsole.Platform.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the app or a server.</summary>
sealed class DesignTimeFactory : IDesignTimeDbContextFactory<OpsDbContext>
{
    public OpsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<OpsDbContext>();
        DatabaseSetup.Configure(options, "Host=127.0.0.1;Database=design_time");
        return new OpsDbContext(options.Options);
    }
}
