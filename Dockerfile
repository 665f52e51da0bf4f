# hotpapers in a container: a framework-dependent publish on the ASP.NET Core runtime image (serve uses Kestrel).
# Not built in the project's own CI (no container engine there); see README, "Install".
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
# ReadyToRun: the code is compiled ahead for the image's platform, so a short command (an incremental 'site build')
# does not spend a third of its CPU compiling methods it runs once (docs/benchmarks.md, issue 14). Still
# framework-dependent, on the ASP.NET Core runtime image below.
RUN dotnet publish src/HotPapers.Cli -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# git for 'daily --publish'.
RUN apt-get update && apt-get install -y --no-install-recommends git && rm -rf /var/lib/apt/lists/*
WORKDIR /data
COPY --from=build /app /app
# The store, appsettings.json and the content folder live in /data (mount a volume); secrets come as
# HOTPAPERS_Section__Key environment variables.
ENTRYPOINT ["dotnet", "/app/hotpapers.dll"]
CMD ["daily"]
