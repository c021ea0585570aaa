# generated from emoji-test.txt, part 1 of 3
DATA = "grinning face:1F600;beaming face with smiling eyes:1F601;face with tears of joy:1F602;"
