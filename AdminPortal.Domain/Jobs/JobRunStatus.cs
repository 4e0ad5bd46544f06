namespace AdminPortal.Domain.Jobs;

public enum JobRunStatus { Running, Succeeded, Failed }

/// <summary>What started a run: its schedule, a person on the Jobs page, or the command line.</summary>
public enum JobStarter { Schedule, User, Cli }

public enum JobLogLevel { Information, Warning, Error }
