@echo off
rem The katas tool on Windows: kata <command> (kata --help lists the commands). kata.ps1 does the work: it runs a
rem Release build of the tool, and builds it first only when a file it is built from changed since its last build.
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0kata.ps1" %*
exit /b %ERRORLEVEL%
