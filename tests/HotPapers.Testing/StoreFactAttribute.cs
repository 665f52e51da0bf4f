using System.ComponentModel;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace HotPapers.Testing;

/// <summary>Marks a test class whose store is PostgreSQL: its tests need a server.</summary>
public interface IPostgresBacked;

/// <summary>
/// A store test. On a class that is <see cref="IPostgresBacked"/> it is reported as skipped, with the reason,
/// when no PostgreSQL server is configured (<see cref="TestPostgres.EnvironmentVariable"/>), never as passed.
/// </summary>
[XunitTestCaseDiscoverer("HotPapers.Testing.StoreFactDiscoverer", "HotPapers.Testing")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

public sealed class StoreFactDiscoverer(IMessageSink diagnostics) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod method, IAttributeInfo attribute)
    {
        var needsPostgres = typeof(IPostgresBacked).IsAssignableFrom(method.TestClass.Class.ToRuntimeType());
        if (needsPostgres && TestPostgres.ConnectionString is null)
            return [new SkippedTestCase(diagnostics, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), method,
                $"no PostgreSQL server: set {TestPostgres.EnvironmentVariable} (.ci/run starts one)")];
        return [new XunitTestCase(diagnostics, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), method)];
    }
}

/// <summary>A test case that is always skipped with a reason decided at discovery.</summary>
public sealed class SkippedTestCase : XunitTestCase
{
    private string _reason = "";

    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer only.")]
    public SkippedTestCase()
    {
    }

    public SkippedTestCase(IMessageSink diagnostics, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod method, string reason)
        : base(diagnostics, display, displayOptions, method)
    {
        _reason = reason;
        SkipReason = reason;
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) => _reason;

    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue("Reason", _reason);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        _reason = data.GetValue<string>("Reason");
        base.Deserialize(data);
    }
}
