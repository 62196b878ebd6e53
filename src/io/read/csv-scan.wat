;; The byte scanner of the CSV parser (csv-scan.ts): finds every delimiter, quote and line-end byte
;; of a block of bytes, 16 bytes at a time with WebAssembly SIMD. `npm run wasm` compiles this file
;; into csv-scan-wasm.ts; a test checks that the committed bytes are this file's.
(module
  (memory (export "memory") 1)
  ;; scan(p, n, out, delimiter, lineEnd) -> how many positions were written from `out` on: the
  ;; offsets (from p, ascending, as i32) of the bytes of [p, p + n) equal to the delimiter, a double
  ;; quote or the line-end byte. Reads up to 15 bytes past p + n (the caller keeps them in memory).
  (func (export "scan") (param $p i32) (param $n i32) (param $out i32) (param $d i32) (param $nl i32) (result i32)
    (local $i i32) (local $m i32) (local $o i32) (local $vd v128) (local $vq v128) (local $vl v128) (local $b v128)
    (local.set $vd (i8x16.splat (local.get $d)))
    (local.set $vq (i8x16.splat (i32.const 34)))
    (local.set $vl (i8x16.splat (local.get $nl)))
    (local.set $o (local.get $out))
    (block $done
      (loop $blocks
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $b (v128.load (i32.add (local.get $p) (local.get $i))))
        (local.set $m
          (i8x16.bitmask
            (v128.or
              (v128.or (i8x16.eq (local.get $b) (local.get $vd)) (i8x16.eq (local.get $b) (local.get $vq)))
              (i8x16.eq (local.get $b) (local.get $vl)))))
        ;; The last block may run past n: only the bits of its first n - i bytes count.
        (if (i32.lt_u (i32.sub (local.get $n) (local.get $i)) (i32.const 16))
          (then
            (local.set $m
              (i32.and (local.get $m) (i32.sub (i32.shl (i32.const 1) (i32.sub (local.get $n) (local.get $i))) (i32.const 1))))))
        ;; One position per set bit, lowest first.
        (block $bits
          (loop $each
            (br_if $bits (i32.eqz (local.get $m)))
            (i32.store (local.get $o) (i32.add (local.get $i) (i32.ctz (local.get $m))))
            (local.set $o (i32.add (local.get $o) (i32.const 4)))
            (local.set $m (i32.and (local.get $m) (i32.sub (local.get $m) (i32.const 1))))
            (br $each)))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $blocks)))
    (i32.shr_u (i32.sub (local.get $o) (local.get $out)) (i32.const 2))))
