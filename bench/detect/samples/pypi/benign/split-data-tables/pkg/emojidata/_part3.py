# generated from emoji-test.txt, part 3 of 3
DATA = "red heart:2764;sparkles:2728;fire:1F525"
