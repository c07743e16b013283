"""H.264 pictures that repeat the previous one: a still held without encoding it again.

An H.264 P picture whose every macroblock is skipped (``P_Skip`` with a zero motion
vector, no residual, no deblocking) decodes to an exact copy of the picture before it.
Such a picture is about a hundred bytes, and writing one costs microseconds; x264 takes
tens of milliseconds per 1080p frame to reach the same result on repeated input.

:class:`SkipPictures` writes them for a stream whose sequence and picture parameter
sets (SPS/PPS) come from the encoder that made the rest of the video, so the pictures
join that stream as if the encoder had made them: same parameter sets, frame numbers and
picture order counts continuing from an IDR picture. Both entropy coders are supported
(CABAC, x264's default, and CAVLC); streams this module does not understand (interlaced,
several slice groups, picture order count type 1, 4:4:4 with separate planes) raise
:class:`UnsupportedStreamError`, so the caller can use its encoder instead.

References: ITU-T H.264 (08/2021), 7.3 (syntax), 8.4.1.1 (P_Skip motion vector),
9.3 (CABAC: context initialisation 9.3.1.1, arithmetic encoding 9.3.4).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "ParameterSets",
    "SkipPictures",
    "UnsupportedStreamError",
    "nal_units",
    "parameter_sets",
]


class UnsupportedStreamError(ValueError):
    """The stream uses a feature the skip pictures are not written for."""


# --- bits ------------------------------------------------------------------------------


def _unescape(nal: bytes) -> bytes:
    """The RBSP of a NAL unit: emulation-prevention bytes (00 00 03) removed."""
    out = bytearray()
    zeros = 0
    for byte in nal:
        if zeros >= 2 and byte == 3:
            zeros = 0
            continue
        out.append(byte)
        zeros = zeros + 1 if byte == 0 else 0
    return bytes(out)


def _escape(rbsp: bytes) -> bytes:
    """A NAL unit's payload from its RBSP: 03 inserted after any 00 00 before 00..03."""
    out = bytearray()
    zeros = 0
    for byte in rbsp:
        if zeros >= 2 and byte <= 3:
            out.append(3)
            zeros = 0
        out.append(byte)
        zeros = zeros + 1 if byte == 0 else 0
    return bytes(out)


class _BitReader:
    """Reads u(n), ue(v) and se(v) fields from an RBSP."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def u(self, n: int) -> int:
        value = 0
        for _ in range(n):
            if self.pos >= 8 * len(self.data):
                raise UnsupportedStreamError("parameter set ends early")
            byte = self.data[self.pos >> 3]
            value = (value << 1) | ((byte >> (7 - (self.pos & 7))) & 1)
            self.pos += 1
        return value

    def ue(self) -> int:
        zeros = 0
        while self.u(1) == 0:
            zeros += 1
            if zeros > 31:
                raise UnsupportedStreamError("malformed Exp-Golomb code")
        return (1 << zeros) - 1 + self.u(zeros)

    def se(self) -> int:
        k = self.ue()
        return (k + 1) // 2 if k % 2 else -(k // 2)


class _BitWriter:
    """Collects u(n), ue(v) and se(v) fields into bytes."""

    def __init__(self) -> None:
        self.bits: list[int] = []

    def u(self, n: int, value: int) -> None:
        self.bits.extend((value >> (n - 1 - i)) & 1 for i in range(n))

    def ue(self, value: int) -> None:
        code = value + 1
        self.u(2 * code.bit_length() - 1, code)

    def se(self, value: int) -> None:
        self.ue(2 * value - 1 if value > 0 else -2 * value)

    def aligned(self) -> bool:
        return len(self.bits) % 8 == 0

    def to_bytes(self) -> bytes:
        if not self.aligned():
            raise ValueError("not byte aligned")
        return bytes(
            int("".join(map(str, self.bits[i : i + 8])), 2)
            for i in range(0, len(self.bits), 8)
        )


# --- parameter sets ---------------------------------------------------------------------


def nal_units(data: bytes) -> list[bytes]:
    """The NAL units of Annex B bytes (start codes) or of an ``avcC`` record."""
    if data[:1] == b"\x01":  # avcC: ISO/IEC 14496-15 AVCDecoderConfigurationRecord
        units, pos = [], 5
        for count_mask in (0x1F, 0xFF):
            count = data[pos] & count_mask
            pos += 1
            for _ in range(count):
                size = int.from_bytes(data[pos : pos + 2], "big")
                units.append(data[pos + 2 : pos + 2 + size])
                pos += 2 + size
        return units
    units = []
    for chunk in data.split(b"\x00\x00\x01"):
        chunk = chunk.rstrip(b"\x00")
        if chunk:
            units.append(chunk)
    return units


_HIGH_PROFILES = {100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135}


@dataclass(frozen=True)
class ParameterSets:
    """What a slice header and its data depend on, read from the SPS and PPS."""

    pps_id: int
    log2_max_frame_num: int
    poc_type: int
    log2_max_poc_lsb: int
    chroma_array_type: int
    width_mbs: int
    height_mbs: int
    cabac: bool
    bottom_field_poc_present: bool
    weighted_pred: bool
    pic_init_qp: int
    deblocking_control: bool
    redundant_pic_cnt_present: bool
    reorder_frames: int | None
    """max_num_reorder_frames of the VUI: how far decoding runs ahead of display."""

    @property
    def macroblocks(self) -> int:
        """Macroblocks in a picture."""
        return self.width_mbs * self.height_mbs


def _skip_scaling_lists(r: _BitReader, count: int) -> None:
    for i in range(count):
        if r.u(1):
            size, last, nxt = (16 if i < 6 else 64), 8, 8
            for _ in range(size):
                if nxt:
                    nxt = (last + r.se() + 256) % 256
                last = nxt or last


def parameter_sets(extradata: bytes) -> ParameterSets:
    """Read the first SPS and PPS of an encoder's ``extradata`` (Annex B or avcC).

    Raises
    ------
    UnsupportedStreamError
        If either is missing, or the stream is interlaced, uses slice groups, picture
        order count type 1 or separate colour planes.
    """
    units = nal_units(extradata)
    sps = next((u for u in units if u[0] & 0x1F == 7), None)
    pps = next((u for u in units if u[0] & 0x1F == 8), None)
    if sps is None or pps is None:
        raise UnsupportedStreamError("no SPS/PPS in the encoder's extradata")
    r = _BitReader(_unescape(sps[1:]))
    profile = r.u(8)
    r.u(16)  # constraint flags, level
    r.ue()  # seq_parameter_set_id
    chroma_format = 1
    if profile in _HIGH_PROFILES:
        chroma_format = r.ue()
        if chroma_format == 3 and r.u(1):
            raise UnsupportedStreamError("separate colour planes")
        r.ue()  # bit_depth_luma_minus8
        r.ue()  # bit_depth_chroma_minus8
        r.u(1)  # qpprime_y_zero_transform_bypass_flag
        if r.u(1):
            _skip_scaling_lists(r, 8 if chroma_format != 3 else 12)
    log2_max_frame_num = r.ue() + 4
    poc_type = r.ue()
    log2_max_poc_lsb = 0
    if poc_type == 0:
        log2_max_poc_lsb = r.ue() + 4
    elif poc_type == 1:
        raise UnsupportedStreamError("picture order count type 1")
    r.ue()  # max_num_ref_frames
    r.u(1)  # gaps_in_frame_num_value_allowed_flag
    width_mbs = r.ue() + 1
    height_units = r.ue() + 1
    if not r.u(1):
        raise UnsupportedStreamError("interlaced (frame_mbs_only_flag = 0)")
    r.u(1)  # direct_8x8_inference_flag
    if r.u(1):  # frame_cropping_flag
        for _ in range(4):
            r.ue()
    reorder = _reorder_frames(r) if r.u(1) else None
    p = _BitReader(_unescape(pps[1:]))
    pps_id = p.ue()
    p.ue()  # seq_parameter_set_id
    cabac = bool(p.u(1))
    bottom_field_poc_present = bool(p.u(1))
    if p.ue() != 0:
        raise UnsupportedStreamError("slice groups")
    p.ue()  # num_ref_idx_l0_default_active_minus1
    p.ue()  # num_ref_idx_l1_default_active_minus1
    weighted_pred = bool(p.u(1))
    p.u(2)  # weighted_bipred_idc
    pic_init_qp = 26 + p.se()
    p.se()  # pic_init_qs_minus26
    p.se()  # chroma_qp_index_offset
    deblocking_control = bool(p.u(1))
    p.u(1)  # constrained_intra_pred_flag
    redundant = bool(p.u(1))
    return ParameterSets(
        pps_id=pps_id,
        log2_max_frame_num=log2_max_frame_num,
        poc_type=poc_type,
        log2_max_poc_lsb=log2_max_poc_lsb,
        chroma_array_type=chroma_format,
        width_mbs=width_mbs,
        height_mbs=height_units,
        cabac=cabac,
        bottom_field_poc_present=bottom_field_poc_present,
        weighted_pred=weighted_pred,
        pic_init_qp=pic_init_qp,
        deblocking_control=deblocking_control,
        redundant_pic_cnt_present=redundant,
        reorder_frames=reorder,
    )


def _skip_hrd(r: _BitReader) -> None:
    count = r.ue() + 1
    r.u(8)  # bit_rate_scale, cpb_size_scale
    for _ in range(count):
        r.ue()
        r.ue()
        r.u(1)
    r.u(20)  # four 5-bit lengths and the time offset length


def _reorder_frames(r: _BitReader) -> int | None:
    """max_num_reorder_frames from the VUI (E.1.1), None when it does not say."""
    if r.u(1) and r.u(8) == 255:  # aspect_ratio_info_present_flag, aspect_ratio_idc
        r.u(32)
    if r.u(1):  # overscan_info_present_flag
        r.u(1)
    if r.u(1):  # video_signal_type_present_flag
        r.u(4)
        if r.u(1):
            r.u(24)
    if r.u(1):  # chroma_loc_info_present_flag
        r.ue()
        r.ue()
    if r.u(1):  # timing_info_present_flag
        r.u(65)
    nal_hrd = r.u(1)
    if nal_hrd:
        _skip_hrd(r)
    vcl_hrd = r.u(1)
    if vcl_hrd:
        _skip_hrd(r)
    if nal_hrd or vcl_hrd:
        r.u(1)  # low_delay_hrd_flag
    r.u(1)  # pic_struct_present_flag
    if not r.u(1):  # bitstream_restriction_flag
        return None
    r.u(1)
    for _ in range(4):
        r.ue()
    return r.ue()


# --- CABAC (9.3.4): only what an all-skip P slice needs ----------------------------------

_RANGE_LPS = (
    (128, 176, 208, 240), (128, 167, 197, 227), (128, 158, 187, 216), (123, 150, 178, 205),
    (116, 142, 169, 195), (111, 135, 160, 185), (105, 128, 152, 175), (100, 122, 144, 166),
    (95, 116, 137, 158), (90, 110, 130, 150), (85, 104, 123, 142), (81, 99, 117, 135),
    (77, 94, 111, 128), (73, 89, 105, 122), (69, 85, 100, 116), (66, 80, 95, 110),
    (62, 76, 90, 104), (59, 72, 86, 99), (56, 69, 81, 94), (53, 65, 77, 89),
    (51, 62, 73, 85), (48, 59, 69, 80), (46, 56, 66, 76), (43, 53, 63, 72),
    (41, 50, 59, 69), (39, 48, 56, 65), (37, 45, 54, 62), (35, 43, 51, 59),
    (33, 41, 48, 56), (32, 39, 46, 53), (30, 37, 43, 50), (29, 35, 41, 48),
    (27, 33, 39, 45), (26, 31, 37, 43), (24, 30, 35, 41), (23, 28, 33, 39),
    (22, 27, 32, 37), (21, 26, 30, 35), (20, 24, 29, 33), (19, 23, 27, 31),
    (18, 22, 26, 30), (17, 21, 25, 28), (16, 20, 23, 27), (15, 19, 22, 25),
    (14, 18, 21, 24), (14, 17, 20, 23), (13, 16, 19, 22), (12, 15, 18, 21),
    (12, 14, 17, 20), (11, 14, 16, 19), (11, 13, 15, 18), (10, 12, 15, 17),
    (10, 12, 14, 16), (9, 11, 13, 15), (9, 11, 12, 14), (8, 10, 12, 14),
    (8, 9, 11, 13), (7, 9, 11, 12), (7, 9, 10, 12), (7, 8, 10, 11),
    (6, 8, 9, 11), (6, 7, 9, 10), (6, 7, 8, 9), (2, 2, 2, 2),
)  # fmt: skip
"""Table 9-44: rangeTabLPS[pStateIdx][qCodIRangeIdx]."""
_NEXT_STATE_LPS = (
    0, 0, 1, 2, 2, 4, 4, 5, 6, 7, 8, 9, 9, 11, 11, 12,
    13, 13, 15, 15, 16, 16, 18, 18, 19, 19, 21, 21, 22, 22, 23, 24,
    24, 25, 26, 26, 27, 27, 28, 29, 29, 30, 30, 30, 31, 32, 32, 33,
    33, 33, 34, 34, 35, 35, 35, 36, 36, 36, 37, 37, 37, 38, 38, 63,
)  # fmt: skip
"""Table 9-45: transIdxLPS (transIdxMPS is min(pStateIdx + 1, 62))."""
_MB_SKIP_INIT = (23, 33)
"""Table 9-13: (m, n) of ctxIdx 11, mb_skip_flag of a P slice, for cabac_init_idc 0.

Every neighbour of a macroblock in an all-skip slice is skipped or absent, so the
context increment is always 0 (9.3.3.1.1.1) and ctxIdx 11 is the only one used.
"""


class _Cabac:
    """The arithmetic encoder of 9.3.4, writing into a :class:`_BitWriter`."""

    def __init__(self, out: _BitWriter) -> None:
        self.out = out
        self.low = 0
        self.range = 510
        self.first = True
        self.outstanding = 0

    def _put(self, bit: int) -> None:
        if self.first:
            self.first = False
        else:
            self.out.bits.append(bit)
        self.out.bits.extend([1 - bit] * self.outstanding)
        self.outstanding = 0

    def _renormalise(self) -> None:
        while self.range < 256:
            if self.low < 256:
                self._put(0)
            elif self.low >= 512:
                self.low -= 512
                self._put(1)
            else:
                self.low -= 256
                self.outstanding += 1
            self.range <<= 1
            self.low <<= 1

    def decision(self, state: list[int], bin_val: int) -> None:
        """Encode ``bin_val`` with the context ``state`` = [pStateIdx, valMPS]."""
        lps = _RANGE_LPS[state[0]][(self.range >> 6) & 3]
        self.range -= lps
        if bin_val == state[1]:
            state[0] = min(state[0] + 1, 62)
        else:
            self.low += self.range
            self.range = lps
            if state[0] == 0:
                state[1] = 1 - state[1]
            state[0] = _NEXT_STATE_LPS[state[0]]
        self._renormalise()

    def terminate(self, bin_val: int) -> None:
        """Encode end_of_slice_flag; 1 flushes (its last bit is the rbsp stop bit)."""
        self.range -= 2
        if bin_val:
            self.low += self.range
            self.range = 2
            self._renormalise()
            self._put((self.low >> 9) & 1)
            self.out.u(2, ((self.low >> 7) & 3) | 1)
        else:
            self._renormalise()


def _context(m: int, n: int, slice_qp: int) -> list[int]:
    """9.3.1.1: [pStateIdx, valMPS] of a context at ``slice_qp``."""
    pre = max(1, min(126, ((m * max(0, min(51, slice_qp))) >> 4) + n))
    return [63 - pre, 0] if pre <= 63 else [pre - 64, 1]


# --- skip pictures ----------------------------------------------------------------------


class SkipPictures:
    """All-skip P pictures for the stream described by ``extradata``.

    Each is a reference picture (so frame numbers and picture order counts simply count
    on) that copies the picture before it exactly: ``P_Skip`` macroblocks with no
    neighbour in motion have a zero motion vector (8.4.1.1), carry no residual, and the
    slice turns deblocking off where the stream allows it (where it does not, edges
    between skipped macroblocks with equal motion have boundary strength 0 anyway).

    Parameters
    ----------
    extradata : bytes
        The encoder's SPS and PPS (Annex B or avcC), as in its codec context.
    """

    NAL_REF_IDC = 2
    """As x264 marks its P pictures."""

    def __init__(self, extradata: bytes) -> None:
        self.ps = parameter_sets(extradata)
        self._data = self._slice_data_bits()

    def _slice_data_bits(self) -> list[int]:
        """slice_data() of an all-skip slice (CABAC part byte aligned, after the header)."""
        out = _BitWriter()
        count = self.ps.macroblocks
        if not self.ps.cabac:
            out.ue(count)  # mb_skip_run, then nothing more: rbsp_trailing_bits
            out.u(1, 1)
            return out.bits
        cabac = _Cabac(out)
        state = _context(*_MB_SKIP_INIT, self.ps.pic_init_qp)
        for i in range(count):
            cabac.decision(state, 1)  # mb_skip_flag
            cabac.terminate(1 if i == count - 1 else 0)  # end_of_slice_flag
        return out.bits

    def picture(self, frame_num: int, poc_lsb: int) -> bytes:
        """One all-skip P picture as an Annex B NAL unit (start code included).

        Parameters
        ----------
        frame_num : int
            Its ``frame_num``: one more than the reference picture before it (the IDR
            picture has 0), modulo ``MaxFrameNum`` (taken here).
        poc_lsb : int
            Its picture order count, ``2 * frames since the IDR`` for progressive
            video (reduced modulo ``MaxPicOrderCntLsb`` here; unused by POC type 2).
        """
        ps = self.ps
        w = _BitWriter()
        w.u(8, (self.NAL_REF_IDC << 5) | 1)  # nal_unit_type 1: non-IDR slice
        w.ue(0)  # first_mb_in_slice
        w.ue(5)  # slice_type: P, as every slice of the picture
        w.ue(ps.pps_id)
        w.u(ps.log2_max_frame_num, frame_num % (1 << ps.log2_max_frame_num))
        if ps.poc_type == 0:
            w.u(ps.log2_max_poc_lsb, poc_lsb % (1 << ps.log2_max_poc_lsb))
            if ps.bottom_field_poc_present:
                w.se(0)  # delta_pic_order_cnt_bottom
        if ps.redundant_pic_cnt_present:
            w.ue(0)
        w.u(1, 1)  # num_ref_idx_active_override_flag
        w.ue(0)  # num_ref_idx_l0_active_minus1: the picture before is the only one
        w.u(1, 0)  # ref_pic_list_modification_flag_l0
        if ps.weighted_pred:
            w.ue(0)  # luma_log2_weight_denom
            if ps.chroma_array_type != 0:
                w.ue(0)  # chroma_log2_weight_denom
            w.u(1, 0)  # luma_weight_l0_flag: default weights, a plain copy
            if ps.chroma_array_type != 0:
                w.u(1, 0)  # chroma_weight_l0_flag
        w.u(1, 0)  # adaptive_ref_pic_marking_mode_flag: sliding window
        if ps.cabac:
            w.ue(0)  # cabac_init_idc
        w.se(0)  # slice_qp_delta: SliceQPY = pic_init_qp
        if ps.deblocking_control:
            w.ue(1)  # disable_deblocking_filter_idc: off
        if ps.cabac:
            while not w.aligned():
                w.u(1, 1)  # cabac_alignment_one_bit
        w.bits.extend(self._data)
        while not w.aligned():
            w.u(1, 0)  # rbsp_alignment_zero_bit
        nal = w.to_bytes()
        return b"\x00\x00\x00\x01" + nal[:1] + _escape(nal[1:])
