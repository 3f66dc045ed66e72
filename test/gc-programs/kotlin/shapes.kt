// A Kotlin program for tswasm's GC tests: classes and interfaces (virtual
// calls, casts), generics and collections (arrays, lists, maps), strings,
// lambdas, Long and Double arithmetic, and an allocation-heavy tree.
// Built to wasm-wasi by scripts/build-kotlin.sh; its expected output is what
// native V8 (Node 24) prints.

interface Shape {
    val name: String
    fun area(): Double
}

data class Circle(val r: Double) : Shape {
    override val name get() = "circle"
    override fun area() = Math.PI * r * r
}

data class Rect(val w: Double, val h: Double) : Shape {
    override val name get() = "rect"
    override fun area() = w * h
}

sealed class Expr {
    class Num(val v: Long) : Expr()
    class Add(val a: Expr, val b: Expr) : Expr()
    class Mul(val a: Expr, val b: Expr) : Expr()
}

fun eval(e: Expr): Long = when (e) {
    is Expr.Num -> e.v
    is Expr.Add -> eval(e.a) + eval(e.b)
    is Expr.Mul -> eval(e.a) * eval(e.b)
}

class Tree(val left: Tree?, val right: Tree?)

fun make(d: Int): Tree = if (d == 0) Tree(null, null) else Tree(make(d - 1), make(d - 1))
fun count(t: Tree?): Int = if (t == null) 0 else 1 + count(t.left) + count(t.right)

fun <T : Comparable<T>> maxOf(items: List<T>): T = items.reduce { a, b -> if (a > b) a else b }

object Math {
    const val PI = 3.141592653589793
}

fun main() {
    val shapes: List<Shape> = listOf(Circle(1.5), Rect(2.0, 3.5), Circle(0.5), Rect(1.0, 1.0))
    for (s in shapes) println("${s.name} ${s.area()}")
    println("total area " + shapes.sumOf { it.area() })
    println("largest " + shapes.maxByOrNull { it.area() })
    val byName = shapes.groupBy { it.name }.mapValues { (_, v) -> v.size }
    println("by name " + byName.entries.sortedBy { it.key }.joinToString())

    val e = Expr.Add(Expr.Mul(Expr.Num(123456789L), Expr.Num(1000L)), Expr.Num(-42L))
    println("eval " + eval(e))
    var h = 1469598103934665603L
    for (c in "hello, gc") { h = (h xor c.code.toLong()) * 1099511628211L }
    println("fnv " + h)

    val words = "the quick brown fox jumps over the lazy dog".split(" ")
    println("sorted " + words.sorted().joinToString(","))
    println("longest " + maxOf(words) + " " + words.maxByOrNull { it.length })
    val freq = HashMap<Char, Int>()
    for (w in words) for (c in w) freq[c] = (freq[c] ?: 0) + 1
    println("freq " + freq.entries.sortedWith(compareBy({ -it.value }, { it.key })).take(5).joinToString { "${it.key}:${it.value}" })
    println("reversed " + words.map { it.reversed().uppercase() }.filter { it.length > 3 })

    val sb = StringBuilder()
    for (i in 1..10) sb.append(i * i).append(if (i % 3 == 0) ';' else ' ')
    println("squares " + sb)
    val arr = IntArray(20) { (it * 7919) % 31 }
    arr.sort()
    println("array " + arr.joinToString(" "))
    val doubles = DoubleArray(5) { 1.0 / (it + 1) }
    println("doubles " + doubles.joinToString())
    println("tree " + count(make(12)))
    println("chars " + "Grüße, 世界".map { it.code }.joinToString(","))
}
