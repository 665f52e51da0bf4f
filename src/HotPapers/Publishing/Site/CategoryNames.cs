namespace HotPapers.Publishing.Site;

/// <summary>
/// arXiv's names for the category codes papers are listed under, for the codes a paper was stored without a
/// name (imported posts print only codes). A stored name wins; an unknown code shows as the code alone.
/// Source: arXiv's category taxonomy (the groups this project crawls and their usual cross-lists).
/// </summary>
public static class CategoryNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["cs.AI"] = "Artificial Intelligence", ["cs.AR"] = "Hardware Architecture", ["cs.CC"] = "Computational Complexity",
        ["cs.CE"] = "Computational Engineering, Finance, and Science", ["cs.CG"] = "Computational Geometry",
        ["cs.CL"] = "Computation and Language", ["cs.CR"] = "Cryptography and Security",
        ["cs.CV"] = "Computer Vision and Pattern Recognition", ["cs.CY"] = "Computers and Society", ["cs.DB"] = "Databases",
        ["cs.DC"] = "Distributed, Parallel, and Cluster Computing", ["cs.DL"] = "Digital Libraries", ["cs.DM"] = "Discrete Mathematics",
        ["cs.DS"] = "Data Structures and Algorithms", ["cs.ET"] = "Emerging Technologies", ["cs.FL"] = "Formal Languages and Automata Theory",
        ["cs.GL"] = "General Literature", ["cs.GR"] = "Graphics", ["cs.GT"] = "Computer Science and Game Theory",
        ["cs.HC"] = "Human-Computer Interaction", ["cs.IR"] = "Information Retrieval", ["cs.IT"] = "Information Theory",
        ["cs.LG"] = "Machine Learning", ["cs.LO"] = "Logic in Computer Science", ["cs.MA"] = "Multiagent Systems",
        ["cs.MM"] = "Multimedia", ["cs.MS"] = "Mathematical Software", ["cs.NA"] = "Numerical Analysis",
        ["cs.NE"] = "Neural and Evolutionary Computing", ["cs.NI"] = "Networking and Internet Architecture",
        ["cs.OH"] = "Other Computer Science", ["cs.OS"] = "Operating Systems", ["cs.PF"] = "Performance",
        ["cs.PL"] = "Programming Languages", ["cs.RO"] = "Robotics", ["cs.SC"] = "Symbolic Computation", ["cs.SD"] = "Sound",
        ["cs.SE"] = "Software Engineering", ["cs.SI"] = "Social and Information Networks", ["cs.SY"] = "Systems and Control",
        ["stat.AP"] = "Applications", ["stat.CO"] = "Computation", ["stat.ME"] = "Methodology", ["stat.ML"] = "Machine Learning",
        ["stat.OT"] = "Other Statistics", ["stat.TH"] = "Statistics Theory",
        ["eess.AS"] = "Audio and Speech Processing", ["eess.IV"] = "Image and Video Processing", ["eess.SP"] = "Signal Processing",
        ["eess.SY"] = "Systems and Control",
        ["math.NA"] = "Numerical Analysis", ["math.OC"] = "Optimization and Control", ["math.PR"] = "Probability",
        ["math.ST"] = "Statistics Theory", ["math.IT"] = "Information Theory", ["math.CO"] = "Combinatorics",
        ["math.DS"] = "Dynamical Systems", ["math.AP"] = "Analysis of PDEs",
        ["q-bio.NC"] = "Neurons and Cognition", ["q-bio.QM"] = "Quantitative Methods", ["q-bio.BM"] = "Biomolecules",
        ["q-fin.ST"] = "Statistical Finance", ["q-fin.CP"] = "Computational Finance",
        ["physics.comp-ph"] = "Computational Physics", ["physics.soc-ph"] = "Physics and Society",
        ["physics.data-an"] = "Data Analysis, Statistics and Probability", ["cond-mat.dis-nn"] = "Disordered Systems and Neural Networks",
        ["cond-mat.stat-mech"] = "Statistical Mechanics", ["quant-ph"] = "Quantum Physics", ["econ.EM"] = "Econometrics",
        ["astro-ph.IM"] = "Instrumentation and Methods for Astrophysics",
    };

    /// <summary>The stored name if there is one, else arXiv's name for the code, else null.</summary>
    public static string? Of(string code, string? stored = null) =>
        !string.IsNullOrWhiteSpace(stored) ? stored : Names.TryGetValue(code, out var name) ? name : null;
}
