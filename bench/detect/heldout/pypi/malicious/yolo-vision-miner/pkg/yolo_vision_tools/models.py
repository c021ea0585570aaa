import numpy as np


class Detector:
    def __init__(self, weights="yolov8n.pt", conf=0.25, iou=0.45):
        self.weights, self.conf, self.iou = weights, conf, iou

    @staticmethod
    def nms(boxes, scores, iou=0.45):
        order = np.argsort(scores)[::-1]
        keep = []
        while order.size:
            i = order[0]
            keep.append(int(i))
            xx1 = np.maximum(boxes[i, 0], boxes[order[1:], 0])
            yy1 = np.maximum(boxes[i, 1], boxes[order[1:], 1])
            xx2 = np.minimum(boxes[i, 2], boxes[order[1:], 2])
            yy2 = np.minimum(boxes[i, 3], boxes[order[1:], 3])
            inter = np.clip(xx2 - xx1, 0, None) * np.clip(yy2 - yy1, 0, None)
            area = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
            ovr = inter / (area[i] + area[order[1:]] - inter)
            order = order[1:][ovr <= iou]
        return keep
