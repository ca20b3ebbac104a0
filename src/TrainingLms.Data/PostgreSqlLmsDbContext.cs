using Microsoft.EntityFrameworkCore;

namespace TrainingLms.Data;

/// <summary>
/// Migrates a PostgreSQL database: the migrations in <c>Migrations/PostgreSQL</c> belong to this type, SQLite's to
/// <see cref="LmsDbContext"/>. It adds nothing to the model, and the app works with <see cref="LmsDbContext"/> on
/// either provider. Created by <see cref="LmsDatabase.MigrateAsync"/> and at design time.
/// </summary>
public sealed class PostgreSqlLmsDbContext(DbContextOptions<LmsDbContext> options) : LmsDbContext(options);
