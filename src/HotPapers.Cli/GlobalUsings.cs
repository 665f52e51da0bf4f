global using HotPapers.Configuration;
