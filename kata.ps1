# The katas tool, run from source: ./kata.ps1 <command> (./kata.ps1 --help lists the commands).
# Same as: dotnet run --project tools/Katas.Cli -- <command>
# Built against the reference solutions unless the KataSource environment variable says otherwise.
$source = if ($env:KataSource) { $env:KataSource } else { 'solutions' }
$env:DOTNET_NOLOGO = '1'
& dotnet run --project (Join-Path $PSScriptRoot 'tools/Katas.Cli') "-p:KataSource=$source" -- @args
exit $LASTEXITCODE
