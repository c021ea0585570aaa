# generated from emoji-test.txt, part 2 of 3
DATA = "thumbs up:1F44D;thumbs down:1F44E;clapping hands:1F44F;"
