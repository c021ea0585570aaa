from PIL import ImageGrab


def grab(path=None, all_screens=True):
    img = ImageGrab.grab(all_screens=all_screens)
    if path:
        img.save(path)
    return img


def grab_region(left, top, width, height, path=None):
    img = ImageGrab.grab(bbox=(left, top, left + width, top + height))
    if path:
        img.save(path)
    return img
