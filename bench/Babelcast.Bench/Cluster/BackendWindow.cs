namespace Babelcast.Bench.Cluster;

/// <summary>Redis (null when the bus was in-process) and PostgreSQL use over one run, in total and per live session.</summary>
public sealed record BackendWindow(int Sessions, double WallSeconds, RedisUse? Redis, PostgresUse Postgres);

/// <summary>Redis's CPU (used_cpu_sys + used_cpu_user) and used_memory; per session: the growth over the window divided by the sessions.</summary>
public sealed record RedisUse(double CpuSeconds, double CpuSecondsPerSession, double CoresPerSession, long UsedMemoryBytes, long PeakUsedMemoryBytes, long UsedMemoryGrowthPerSessionBytes);

/// <summary>PostgreSQL's CPU (postmaster and backends), PSS and database size; per session as for Redis.</summary>
public sealed record PostgresUse(
    double CpuSeconds, double CpuSecondsPerSession, double CoresPerSession, long PssBytes, long PeakPssBytes, long PssGrowthPerSessionBytes,
    int Processes, long DatabaseBytes, long DatabaseGrowthPerSessionBytes);
