# The katas tool on Windows (and wherever PowerShell runs): ./kata.ps1 <command> (./kata.ps1 --help lists the commands).
# Like ./kata: it runs a Release build of tools/Katas.Cli directly, and builds it first only when a file it is built
# from changed since its last build (a stamp in artifacts/tool/ records that build). The tool is built against the
# reference solutions unless the KataSource environment variable says otherwise.
$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$default = if (Test-Path (Join-Path $root 'solutions')) { 'solutions' } else { 'katas' }
$source = if ($env:KataSource) { $env:KataSource } else { $default }
$tag = if ($source -eq 'solutions' -or $source -eq 'katas') { $source } else { 'custom' }

# What the tool is built from: its own projects, the shared libraries and kits, the build logic and the implementation.
$inputs = @('tools', 'src', 'kits', 'build', 'tests/Katas.Testing', 'Directory.Build.props', 'Directory.Build.targets',
            'Directory.Packages.props', 'global.json') | ForEach-Object { Join-Path $root $_ }
$inputs += if ($tag -eq 'custom') { $source } else { Join-Path $root $source }
$stampFolder = Join-Path $root 'artifacts/tool'
$stamp = Join-Path $stampFolder "$tag.built"

function Find-Tool {
    Get-ChildItem -Path (Join-Path $root "tools/Katas.Cli/bin/$tag/Release/net10.0") -Filter 'katas.dll' -Recurse -ErrorAction SilentlyContinue |
        Select-Object -First 1 -ExpandProperty FullName
}

function Test-Stale {
    if (-not (Test-Path $stamp) -or -not (Find-Tool)) { return $true }
    $built = (Get-Item $stamp).LastWriteTimeUtc
    foreach ($path in $inputs) {
        if (-not (Test-Path $path)) { continue }
        $newer = Get-ChildItem -Path $path -File -Recurse -ErrorAction SilentlyContinue |
            Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' -and $_.LastWriteTimeUtc -gt $built } |
            Select-Object -First 1
        if ($newer) { return $true }
    }
    return $false
}

if (Test-Stale) {
    [Console]::Error.WriteLine('building the katas tool (first time: about two minutes)...')
    New-Item -ItemType Directory -Force -Path $stampFolder | Out-Null
    $started = [DateTime]::UtcNow  # stamped with the time the build started
    $log = Join-Path $stampFolder 'build.log'
    & dotnet build (Join-Path $root 'tools/Katas.Cli') -c Release "-p:KataSource=$source" -nologo -v:q -tl:off -clp:ErrorsOnly *> $log
    if ($LASTEXITCODE -ne 0) {
        Get-Content $log | Write-Host
        [Console]::Error.WriteLine("the katas tool did not build (the errors are above, and in $log)")
        exit 1
    }
    Set-Content -Path $stamp -Value $started.ToString('o')
    (Get-Item $stamp).LastWriteTimeUtc = $started
}
& dotnet (Find-Tool) @args
exit $LASTEXITCODE
