namespace HotPapers.ReplayBuilder;

/// <summary>arXiv's names for the subjects the seeds use (arxiv.org/category_taxonomy); the listing prints them.</summary>
public static class SubjectNames
{
    private static readonly Dictionary<string, string> Names = new()
    {
        ["astro-ph.IM"] = "Instrumentation and Methods for Astrophysics",
        ["cond-mat.stat-mech"] = "Statistical Mechanics",
        ["cs.AI"] = "Artificial Intelligence",
        ["cs.AR"] = "Hardware Architecture",
        ["cs.CE"] = "Computational Engineering, Finance, and Science",
        ["cs.CG"] = "Computational Geometry",
        ["cs.CL"] = "Computation and Language",
        ["cs.CR"] = "Cryptography and Security",
        ["cs.CV"] = "Computer Vision and Pattern Recognition",
        ["cs.CY"] = "Computers and Society",
        ["cs.DC"] = "Distributed, Parallel, and Cluster Computing",
        ["cs.GR"] = "Graphics",
        ["cs.HC"] = "Human-Computer Interaction",
        ["cs.IR"] = "Information Retrieval",
        ["cs.IT"] = "Information Theory",
        ["cs.LG"] = "Machine Learning",
        ["cs.MA"] = "Multiagent Systems",
        ["cs.MM"] = "Multimedia",
        ["cs.NE"] = "Neural and Evolutionary Computing",
        ["cs.PL"] = "Programming Languages",
        ["cs.RO"] = "Robotics",
        ["cs.SD"] = "Sound",
        ["cs.SE"] = "Software Engineering",
        ["cs.SI"] = "Social and Information Networks",
        ["eess.AS"] = "Audio and Speech Processing",
        ["eess.IV"] = "Image and Video Processing",
        ["eess.SP"] = "Signal Processing",
        ["gr-qc"] = "General Relativity and Quantum Cosmology",
        ["math.DS"] = "Dynamical Systems",
        ["math.IT"] = "Information Theory",
        ["math.NA"] = "Numerical Analysis",
        ["math.OC"] = "Optimization and Control",
        ["math.ST"] = "Statistics Theory",
        ["physics.chem-ph"] = "Chemical Physics",
        ["physics.comp-ph"] = "Computational Physics",
        ["physics.data-an"] = "Data Analysis, Statistics and Probability",
        ["physics.flu-dyn"] = "Fluid Dynamics",
        ["physics.soc-ph"] = "Physics and Society",
        ["q-bio.NC"] = "Neurons and Cognition",
        ["quant-ph"] = "Quantum Physics",
        ["stat.ME"] = "Methodology",
        ["stat.ML"] = "Machine Learning",
        ["stat.TH"] = "Statistics Theory",
    };

    public static string Of(string code) =>
        Names.TryGetValue(code, out var name) ? name : throw new InvalidOperationException($"no name known for subject {code}; add it to SubjectNames");
}
