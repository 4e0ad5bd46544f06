using System.Reflection;
using Mono.Cecil;

namespace AdminPortal.Tests.Architecture;

/// <summary>
/// Which namespaces of an assembly use which, read from its IL: signatures, attributes and method bodies alike, with a
/// nested type (a lambda's closure, an async state machine) counted in its outer type's namespace.
/// </summary>
internal sealed class NamespaceGraph
{
    private readonly Dictionary<string, Dictionary<string, SortedSet<string>>> uses = [];

    private NamespaceGraph()
    {
    }

    public static NamespaceGraph Of(Assembly assembly)
    {
        var graph = new NamespaceGraph();
        using var module = ModuleDefinition.ReadModule(assembly.Location);
        foreach (var type in module.GetTypes())
        {
            var outer = type;
            while (outer.DeclaringType is not null)
            {
                outer = outer.DeclaringType;
            }
            foreach (var used in UsedTypes(type))
            {
                graph.Add(outer.Namespace, used, outer.FullName);
            }
        }
        return graph;
    }

    /// <summary>The namespaces <paramref name="from"/> uses, each with the types of <paramref name="from"/> that use it.</summary>
    public IReadOnlyDictionary<string, SortedSet<string>> UsesOf(string from) =>
        uses.TryGetValue(from, out var targets) ? targets : new Dictionary<string, SortedSet<string>>();

    public IEnumerable<string> Namespaces => uses.Keys;

    private void Add(string from, TypeReference used, string user)
    {
        var target = used;
        while (target.DeclaringType is not null)
        {
            target = target.DeclaringType;
        }
        if (target.Namespace == from || target.Namespace.Length == 0)
        {
            return;
        }
        if (!uses.TryGetValue(from, out var targets))
        {
            uses[from] = targets = [];
        }
        if (!targets.TryGetValue(target.Namespace, out var users))
        {
            targets[target.Namespace] = users = [];
        }
        users.Add(user);
    }

    private static IEnumerable<TypeReference> UsedTypes(TypeDefinition type)
    {
        var found = new List<TypeReference>();
        void Add(TypeReference? reference)
        {
            switch (reference)
            {
                case null or GenericParameter:
                    return;
                case GenericInstanceType generic:
                    Add(generic.ElementType);
                    generic.GenericArguments.ToList().ForEach(Add);
                    return;
                case TypeSpecification specification:
                    Add(specification.ElementType);
                    return;
                default:
                    found.Add(reference);
                    return;
            }
        }
        void AddAttributes(Mono.Cecil.ICustomAttributeProvider provider)
        {
            foreach (var attribute in provider.CustomAttributes)
            {
                Add(attribute.AttributeType);
                foreach (var argument in attribute.ConstructorArguments.Concat(attribute.Properties.Select(p => p.Argument)))
                {
                    Add(argument.Value as TypeReference);
                }
            }
        }
        Add(type.BaseType);
        AddAttributes(type);
        type.Interfaces.ToList().ForEach(i => Add(i.InterfaceType));
        type.Fields.ToList().ForEach(f => { Add(f.FieldType); AddAttributes(f); });
        type.Properties.ToList().ForEach(p => { Add(p.PropertyType); AddAttributes(p); });
        foreach (var method in type.Methods)
        {
            AddAttributes(method);
            Add(method.ReturnType);
            method.Parameters.ToList().ForEach(p => Add(p.ParameterType));
            if (!method.HasBody)
            {
                continue;
            }
            method.Body.Variables.ToList().ForEach(v => Add(v.VariableType));
            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference operand:
                        Add(operand);
                        break;
                    case MethodReference called:
                        Add(called.DeclaringType);
                        Add(called.ReturnType);
                        called.Parameters.ToList().ForEach(p => Add(p.ParameterType));
                        if (called is GenericInstanceMethod generic)
                        {
                            generic.GenericArguments.ToList().ForEach(Add);
                        }
                        break;
                    case FieldReference field:
                        Add(field.DeclaringType);
                        Add(field.FieldType);
                        break;
                }
            }
        }
        return found;
    }
}
