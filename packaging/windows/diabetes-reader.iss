; Inno Setup script: a per-user Windows installer (no administrator rights needed), with a
; Start menu entry and an uninstaller. Build the one-folder app first (see packaging/README.md),
; then:  iscc /DVersion=0.1.0 packaging\windows\diabetes-reader.iss

#ifndef Version
  #define Version "0.1.0"
#endif

[Setup]
AppId={{6C7E3E8A-5D1B-4E55-9C0F-1B2A4D8E7F10}
AppName=Diabetes Reader
AppVersion={#Version}
AppPublisher=Diabetes Reader team
DefaultDirName={localappdata}\Programs\Diabetes Reader
DefaultGroupName=Diabetes Reader
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist
OutputBaseFilename=diabetes-reader-{#Version}-windows-setup
SetupIconFile=..\..\build\package\icons\diabetes-reader.ico
UninstallDisplayIcon={app}\diabetes-reader.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesInstallIn64BitMode=x64compatible

[Files]
Source: "..\..\build\package\dist\diabetes-reader\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\Diabetes Reader"; Filename: "{app}\diabetes-reader.exe"
Name: "{group}\Uninstall Diabetes Reader"; Filename: "{uninstallexe}"
Name: "{userdesktop}\Diabetes Reader"; Filename: "{app}\diabetes-reader.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Create a desktop shortcut"; Flags: unchecked

[Run]
Filename: "{app}\diabetes-reader.exe"; Description: "Start Diabetes Reader"; Flags: nowait postinstall skipifsilent
