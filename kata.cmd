@echo off
rem The katas tool, run from source: kata <command> (kata --help lists the commands).
rem Same as: dotnet run --project tools/Katas.Cli -- <command>
rem Built against the reference solutions unless the KataSource environment variable says otherwise.
setlocal
if "%KataSource%"=="" set KataSource=solutions
set DOTNET_NOLOGO=1
dotnet run --project "%~dp0tools\Katas.Cli" -p:KataSource=%KataSource% -- %*
exit /b %ERRORLEVEL%
