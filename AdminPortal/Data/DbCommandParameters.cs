using System.Data.Common;

namespace AdminPortal.Data;

public static class DbCommandParameters
{
    /// <summary>Adds a parameter in the command's own provider type; null goes as NULL.</summary>
    public static DbParameter AddParameter(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        (parameter.ParameterName, parameter.Value) = (name, value ?? DBNull.Value);
        command.Parameters.Add(parameter);
        return parameter;
    }
}
