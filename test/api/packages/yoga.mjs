// yoga-layout (flexbox, Emscripten): a row of a growing child and a fixed one. Prints JSON.
import Yoga from 'yoga-layout';

const root = Yoga.Node.create();
root.setWidth(500);
root.setHeight(300);
root.setFlexDirection(Yoga.FLEX_DIRECTION_ROW);
root.setPadding(Yoga.EDGE_ALL, 7);
const a = Yoga.Node.create();
a.setFlexGrow(1);
const b = Yoga.Node.create();
b.setWidth(100);
b.setMargin(Yoga.EDGE_LEFT, 13.5);
root.insertChild(a, 0);
root.insertChild(b, 1);
root.calculateLayout(500, 300, Yoga.DIRECTION_LTR);
console.log(JSON.stringify([root.getComputedLayout(), a.getComputedLayout(), b.getComputedLayout()]));
