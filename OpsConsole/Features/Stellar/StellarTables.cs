using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Stellar;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.Stellar;

/// <summary>The tables Stellar owns, reached as members of the shared context; their mapping is in Data/.</summary>
public static class StellarTables
{
    extension(OpsDbContext db)
    {
        public DbSet<MintSubmission> StellarSubmissions => db.Set<MintSubmission>();
        public DbSet<SubmissionAttempt> StellarSubmissionAttempts => db.Set<SubmissionAttempt>();
    }
}
