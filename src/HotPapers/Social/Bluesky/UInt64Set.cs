using System.Runtime.CompilerServices;

namespace HotPapers.Social.Bluesky;

/// <summary>
/// A set of 64-bit hashes for <see cref="JetstreamTriage"/>, which asks it once or twice for most frames of the
/// firehose. <c>HashSet&lt;ulong&gt;</c> is not precompiled for <c>ulong</c> in the runtime's ready-to-run image, so a
/// listener ran its lookups unoptimised for its first seconds (a profile of a cold run showed them among the triage's
/// costliest frames); this one is compiled optimised at its first call and needs no comparer. Open addressing with
/// linear probing, at most half full; 0 marks an empty slot, so the value 0 is held apart.
/// </summary>
internal sealed class UInt64Set
{
    private ulong[] _slots = new ulong[1024];
    private int _shift = 64 - 10;
    private int _count;
    private bool _hasZero;

    public int Count => _count + (_hasZero ? 1 : 0);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Contains(ulong value)
    {
        if (value == 0) return _hasZero;
        var slots = _slots;
        var mask = slots.Length - 1;
        for (var i = Home(value, _shift); ; i = (i + 1) & mask)
        {
            var held = slots[i];
            if (held == value) return true;
            if (held == 0) return false;
        }
    }

    /// <summary>False when the value was already there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Add(ulong value)
    {
        if (value == 0)
        {
            if (_hasZero) return false;
            _hasZero = true;
            return true;
        }
        if ((_count + 1) * 2 > _slots.Length) Grow();
        if (!Insert(_slots, _shift, value)) return false;
        _count++;
        return true;
    }

    private void Grow()
    {
        var bigger = new ulong[_slots.Length * 2];
        var shift = _shift - 1;
        foreach (var held in _slots)
            if (held != 0) Insert(bigger, shift, held);
        _slots = bigger;
        _shift = shift;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Insert(ulong[] slots, int shift, ulong value)
    {
        var mask = slots.Length - 1;
        for (var i = Home(value, shift); ; i = (i + 1) & mask)
        {
            var held = slots[i];
            if (held == value) return false;
            if (held != 0) continue;
            slots[i] = value;
            return true;
        }
    }

    // Fibonacci hashing: the top bits of the product depend on every bit of the value, whatever bits the hash varies in.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Home(ulong value, int shift) => (int)((value * 0x9E3779B97F4A7C15) >> shift);
}
