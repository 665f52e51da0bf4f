#!/bin/sh
# Requests one daily run makes at the fake arXiv and X servers, per seed day padded to N announced papers,
# next to the original design (one X search per paper, one oEmbed per shown embed). Prints a Markdown table.
# Usage, from the repository root: bench/daily-requests/run.sh [N]   (default 800)
set -e
dotnet run --project tools/ReplayBuilder -c Release -- requests --papers "${1:-800}"
