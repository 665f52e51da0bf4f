# hotpapers in a container: a self-contained publish on the runtime-deps image (serve's Kestrel comes with it).
# Not built in the project's own CI (no container engine there); see README, "Install".
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
# ReadyToRun, composite: the runtime, the framework and the tool compiled ahead together for the image's platform, so
# a short command (an incremental 'site build') compiles almost nothing at start, not even the framework's generic
# code over the tool's types (docs/benchmarks.md, issue 14). The publish takes several minutes.
RUN dotnet publish src/HotPapers.Cli -c Release --use-current-runtime --self-contained -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -o /app

FROM mcr.microsoft.com/dotnet/runtime-deps:10.0
# git for 'daily --publish'.
RUN apt-get update && apt-get install -y --no-install-recommends git && rm -rf /var/lib/apt/lists/*
WORKDIR /data
COPY --from=build /app /app
# The store, appsettings.json and the content folder live in /data (mount a volume); secrets come as
# HOTPAPERS_Section__Key environment variables.
ENTRYPOINT ["/app/hotpapers"]
CMD ["daily"]
